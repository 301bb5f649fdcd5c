import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

assert journal.isEmpty() : 'a dry run sends nothing'
def req = new JsonSlurper().parse(new File(basedir, 'target/functiongraph/request-create.json'))
assert req.func_code.file.startsWith('<package: ') && req.func_code.file.contains('sha256')
assert req.code_type == 'zip' && req.func_name == 'dry-run-no-credentials'
assert !new File(basedir, 'target/functiongraph/request-create.json').text.contains('dry-run-secret-value')
assert new File(basedir, 'target/functiongraph/dry-run-no-credentials.zip').isFile()
assert result().action == 'dry-run'
assert !log.contains('dry-run-secret-value')
