import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

assert log.contains('did not answer GET') && log.contains('within 2 s')
assert log.contains('<readTimeout> (functiongraph.readTimeout)')
def total = (log =~ /Total time: +([0-9.]+) s/)
assert total.find() && Double.parseDouble(total.group(1)) < 30 : 'the build waits no longer than its timeouts allow'
