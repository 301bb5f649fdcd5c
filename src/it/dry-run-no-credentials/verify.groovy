import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.isEmpty() : 'a dry run sends nothing'
def req = new JsonSlurper().parse(new File(basedir, 'target/functiongraph/request-create.json'))
assert req.func_code.file.startsWith('<package: ') && req.func_code.file.contains('sha256')
assert req.code_type == 'zip' && req.func_name == 'dry-run-no-credentials'
assert !new File(basedir, 'target/functiongraph/request-create.json').text.contains('dry-run-secret-value')
assert new File(basedir, 'target/functiongraph/dry-run-no-credentials.zip').isFile()
assert run.result().action == 'dry-run'
