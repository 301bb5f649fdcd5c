def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def puts = run.journal.findAll { it.method == 'PUT' && it.path.startsWith('/fg-code/') }
assert puts.size() == 1 && puts[0].status == 200
def sha = java.security.MessageDigest.getInstance('SHA-256').digest(new File(basedir, 'target/functiongraph/obs-deploy.zip').bytes).encodeHex().toString()
assert puts[0].path == "/fg-code/functiongraph/obs-deploy/${sha}.zip"
assert run.creates.size() == 1 && run.creates[0].status == 200
assert run.creates[0].body.code_type == 'obs'
// code_url names the object where the upload put it: the OBS endpoint is http://127.0.0.1:<port>, so path-style
def obsEndpoint = io.github.fgtools.functiongraph.standin.ItStandIn.baseUrl(basedir)
assert run.creates[0].body.code_url == "${obsEndpoint}/fg-code/functiongraph/obs-deploy/${sha}.zip"
assert run.creates[0].body.func_code == null
assert run.result().codeType == 'obs'
