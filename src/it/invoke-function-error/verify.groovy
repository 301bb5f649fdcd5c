import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

assert journal.any { it.path.endsWith('/invocations') && it.status == 200 }
assert log.contains('The function reported an error')
def out = new JsonSlurper().parse(new File(basedir, 'target/functiongraph/invoke-result.json'))
assert out.functionError == true
