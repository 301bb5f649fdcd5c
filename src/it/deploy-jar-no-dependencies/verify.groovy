import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

assert creates.size() == 1 && creates[0].status == 200
assert creates[0].body.code_type == 'jar' && creates[0].body.code_filename == 'deploy-jar-no-dependencies.jar'
assert new File(basedir, 'target/functiongraph/deploy-jar-no-dependencies.jar').bytes == new File(basedir, 'target/deploy-jar-no-dependencies-1.0.0.jar').bytes
assert result().action == 'created' && result().codeType == 'jar'
