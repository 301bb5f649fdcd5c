// The Context proxy answers from the POM block, the logger writes to the build log, and no secret is printed.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Ni hao, Ada! package=shop version=latest memory=512 timeout=20 apiKey=set cpu=0')
assert log =~ /\[INFO\] \[handler INFO\] request [0-9a-f-]{36} for greeter/
def remaining = (log =~ /\[WARNING\] \[handler WARN\] remaining (\d+) ms/)
assert remaining.find()
assert Integer.parseInt(remaining.group(1)) in 10_000..20_000
assert log.contains('Context methods without a local answer (they return an empty or zero value): getCPUNumber')
assert log.contains('fss-java-sdk-2.0.5.jar') // on the handler's class path, although provided
assert log.contains('encryptedUserData = {API_KEY=******}')
// Maven core's own -X dump of the POM's plugin configuration ("[DEBUG] Configuration: <?xml ...") shows the POM
// as written; that is outside the plugin's reach. Everything else, the plugin's output included, must not.
def outsideConfigurationDumps = log.replaceAll(/(?s)\[DEBUG\] Configuration: <\?xml.*?<\/configuration>/, '')
assert log.contains('not-for-the-log-5f1c') // else the check below proves nothing
assert !outsideConfigurationDumps.contains('not-for-the-log-5f1c') : 'an encryptedUserData value is in the build log'
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
