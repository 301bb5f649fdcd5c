import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

// a flat zip with the function jar and its runtime dependency at the root
def zip = new java.util.zip.ZipFile(new File(basedir, 'target/functiongraph/deploy-zip-with-dependency.zip'))
assert zip.entries().collect { it.name }.sort() == ['commons-lang3-3.17.0.jar', 'deploy-zip-with-dependency-1.0.0.jar']
// the project id came from IAM, then the function was created once, as a zip
assert journal[0].method == 'GET' && journal[0].path == '/v3/projects' && journal[0].query.contains('name=cn-north-4')
assert creates.size() == 1 && creates[0].status == 200
assert creates[0].path == "/v2/${CloudStandIn.PROJECT_ID}/fgs/functions"
assert creates[0].body.code_type == 'zip' && creates[0].body.code_filename == 'deploy-zip-with-dependency.zip'
assert creates[0].body.memory_size == 256 && creates[0].body.timeout == 30 && creates[0].body.package == 'default'
assert journal.every { it.authFailure == null }
// what reached the cloud is what is in target/
def sent = new File(basedir, 'standin-code/deploy-zip-with-dependency.bin').bytes
assert sent == new File(basedir, 'target/functiongraph/deploy-zip-with-dependency.zip').bytes
def r = result()
assert r.action == 'created' && r.codeType == 'zip' && r.version == 'latest'
assert r.functionUrn == "urn:fss:cn-north-4:${CloudStandIn.PROJECT_ID}:function:default:deploy-zip-with-dependency:latest"
assert r.digest ==~ /[0-9a-f]{128}/
assert log.contains('Created urn:fss:cn-north-4:')
