import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.any { it.path.endsWith('/invocations') && it.status == 200 }
assert run.log.contains('The function reported an error')
def out = new JsonSlurper().parse(new File(basedir, 'target/functiongraph/invoke-result.json'))
assert out.functionError == true
