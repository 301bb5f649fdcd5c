import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def versions = journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') }
assert versions.size() == 1 && versions[0].status == 200 && versions[0].body.description == 'first'
def aliases = journal.findAll { it.method == 'POST' && it.path.endsWith('/aliases') }
assert aliases.size() == 1 && aliases[0].body.name == 'prod' && aliases[0].body.version == '1'
def r = result()
assert r.version == '1' && r.alias == 'prod' && r.action == 'created'
