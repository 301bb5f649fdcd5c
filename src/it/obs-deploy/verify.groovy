import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def puts = journal.findAll { it.method == 'PUT' && it.path.startsWith('/fg-code/') }
assert puts.size() == 1 && puts[0].status == 200
def sha = java.security.MessageDigest.getInstance('SHA-256').digest(new File(basedir, 'target/functiongraph/obs-deploy.zip').bytes).encodeHex().toString()
assert puts[0].path == "/fg-code/functiongraph/obs-deploy/${sha}.zip"
assert creates.size() == 1 && creates[0].status == 200
assert creates[0].body.code_type == 'obs'
assert creates[0].body.code_url == "https://fg-code.obs.cn-north-4.myhuaweicloud.com/functiongraph/obs-deploy/${sha}.zip"
assert creates[0].body.func_code == null
assert result().codeType == 'obs'
