import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def puts = journal.findAll { it.method == 'PUT' && it.path.contains('/aliases/prod') }
assert puts.size() == 2
// canary: the alias stays on version 1 and sends 10% to version 2
assert puts[0].body.version == '1' && puts[0].body.additional_version_weights == ['2': 10]
// full move: nothing changed since version 2, which is reused; the weights are cleared
assert puts[1].body.version == '2' && puts[1].body.additional_version_weights == [:]
assert journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') && it.status == 200 }.size() == 2
assert result().version == '2' && result().action == 'unchanged'
