import io.github.fgtools.functiongraph.standin.CloudStandIn
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def secrets = [CloudStandIn.TEMP_SK, CloudStandIn.SECURITY_TOKEN, 'it-db-password-s3cr3t-42']
// the deploy ran with temporary credentials (the token was sent, and accepted)
assert run.creates.size() == 1 && run.creates[0].status == 200 && run.creates[0].accessKey == CloudStandIn.TEMP_AK
// Maven core itself prints the environment ("[DEBUG] env.X: ...") and the POM's interpolated plugin XML in its build
// plan at -X: outside the plugin's reach (see the README). Every other line must be clean.
def ours = run.log.readLines().findAll { l -> !(l.startsWith('[DEBUG] env.') || l.trim() ==~ /<DB_PASSWORD>.*<\/DB_PASSWORD>/) }
secrets.each { s -> ours.eachWithIndex { l, i -> assert !l.contains(s) : "secret in build.log: ${l}" } }
assert run.log.contains('(f) encryptedUserData = {DB_PASSWORD=******}')
assert run.log.contains('[DEBUG] ') // it really ran with -X
def files = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
files.findAll { it.length() < 10_000_000 }.each { f ->
    def text = new String(f.bytes, 'ISO-8859-1')
    secrets.each { s -> assert !text.contains(s) : "secret in ${f}" }
}
assert new File(basedir, 'target/functiongraph/request-create.json').text.contains('"{\\"DB_PASSWORD\\":\\"******\\"}"')
