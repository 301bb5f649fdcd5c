import io.github.fgtools.functiongraph.standin.CloudStandIn
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// a flat zip with the function jar and its runtime dependency at the root
def zip = new java.util.zip.ZipFile(new File(basedir, 'target/functiongraph/deploy-zip-with-dependency.zip'))
assert zip.entries().collect { it.name }.sort() == ['commons-lang3-3.17.0.jar', 'deploy-zip-with-dependency-1.0.0.jar']
// the project id came from IAM, then the function was created once, as a zip
assert run.journal[0].method == 'GET' && run.journal[0].path == '/v3/projects' && run.journal[0].query.contains('name=cn-north-4')
assert run.creates.size() == 1 && run.creates[0].status == 200
assert run.creates[0].path == "/v2/${CloudStandIn.PROJECT_ID}/fgs/functions"
assert run.creates[0].body.code_type == 'zip' && run.creates[0].body.code_filename == 'deploy-zip-with-dependency.zip'
assert run.creates[0].body.memory_size == 256 && run.creates[0].body.timeout == 30 && run.creates[0].body.package == 'default'
assert run.journal.every { it.authFailure == null }
// what reached the cloud is what is in target/
def sent = new File(basedir, 'standin-code/deploy-zip-with-dependency.bin').bytes
assert sent == new File(basedir, 'target/functiongraph/deploy-zip-with-dependency.zip').bytes
def r = run.result()
assert r.action == 'created' && r.codeType == 'zip' && r.version == 'latest'
assert r.functionUrn == "urn:fss:cn-north-4:${CloudStandIn.PROJECT_ID}:function:default:deploy-zip-with-dependency:latest"
assert r.digest ==~ /[0-9a-f]{128}/
assert run.log.contains('Created urn:fss:cn-north-4:')
