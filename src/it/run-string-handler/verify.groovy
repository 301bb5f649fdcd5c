// The String event arrives as is; the String result is printed as is and written as a JSON string.
def log = new File(basedir, 'build.log').text
assert log.contains('Running com.example.Hello.handle(String) locally (Java11, 256 MB, timeout 30 s)')
assert log.contains('[INFO] Hello from FunctionGraph, event {"name":"World"}')

def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/functiongraph/run-result.json'))
assert result.result == 'Hello from FunctionGraph, event {"name":"World"}'
assert result.durationMs instanceof Number && result.durationMs >= 0
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
