import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def retries = log.readLines().findAll { it.startsWith('[WARNING]') && it.contains('retry ') }
assert retries.size() == 3 : retries
assert retries[0].contains('429') && retries[0].contains('in 1.0 s')
assert retries[1].contains('503') && retries[2].contains('503')
assert creates.findAll { it.status == 200 }.size() == 1
assert result().action == 'created'
