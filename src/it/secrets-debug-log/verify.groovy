import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def secrets = [CloudStandIn.TEMP_SK, CloudStandIn.SECURITY_TOKEN, 'it-db-password-s3cr3t-42']
// the deploy ran with temporary credentials (the token was sent, and accepted)
assert creates.size() == 1 && creates[0].status == 200 && creates[0].accessKey == CloudStandIn.TEMP_AK
// Maven core itself prints the environment ("[DEBUG] env.X: ...") and the POM's interpolated plugin XML in its build
// plan at -X: outside the plugin's reach (see the README). Every other line must be clean.
def ours = log.readLines().findAll { l -> !(l.startsWith('[DEBUG] env.') || l.trim() ==~ /<DB_PASSWORD>.*<\/DB_PASSWORD>/) }
secrets.each { s -> ours.eachWithIndex { l, i -> assert !l.contains(s) : "secret in build.log: ${l}" } }
assert log.contains('(f) encryptedUserData = {DB_PASSWORD=******}')
assert log.contains('[DEBUG] ') // it really ran with -X
def files = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
files.findAll { it.length() < 10_000_000 }.each { f ->
    def text = new String(f.bytes, 'ISO-8859-1')
    secrets.each { s -> assert !text.contains(s) : "secret in ${f}" }
}
assert new File(basedir, 'target/functiongraph/request-create.json').text.contains('"{\\"DB_PASSWORD\\":\\"******\\"}"')
