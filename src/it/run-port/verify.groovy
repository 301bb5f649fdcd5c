// Serves the handler as a user would, `mvn functiongraph:run -Dfunctiongraph.runPort=0`, in a Maven of its own;
// POSTs two events (and one that throws), then stops it the way Ctrl+C does: SIGTERM, which runs the goal's
// shutdown hook. Every wait is bounded; the child is killed in any case.
import java.util.concurrent.TimeUnit

def windows = System.getProperty('os.name').toLowerCase().contains('win')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn')
// -o -llr: everything is in the invoker's local repository already (the build before this one ran the goal)
def command = [mvn.path, '-B', '-o', '-llr', "-Dmaven.repo.local=${localRepositoryPath}", '-Dstyle.color=never',
               'functiongraph:run', '-Dfunctiongraph.runPort=0'].collect { it.toString() }
def logFile = new File(basedir, 'serve.log')
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(logFile).start()
def output = { logFile.exists() ? logFile.getText('UTF-8') : '' }

def post = { String url, String body ->
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection()
    c.connectTimeout = 5000
    c.readTimeout = 30000
    c.requestMethod = 'POST'
    c.doOutput = true
    c.outputStream.withStream { it.write(body.getBytes('UTF-8')) }
    int status = c.responseCode
    [status, (status < 400 ? c.inputStream : c.errorStream).getText('UTF-8')]
}

try {
    String url = null
    long deadline = System.currentTimeMillis() + 120_000
    while (url == null && System.currentTimeMillis() < deadline) {
        def m = output() =~ /Serving .* on (http:\/\/127\.0\.0\.1:\d+\/)/
        if (m.find()) {
            url = m.group(1)
        } else {
            assert process.alive : "the build ended before serving:\n${output()}"
            Thread.sleep(500)
        }
    }
    assert url : "no 'Serving ... on http://127.0.0.1:<port>/' within 120 s:\n${output()}"

    def json = new groovy.json.JsonSlurper()
    def (status1, body1) = post(url, '{"name":"Ada"}')
    def (status2, body2) = post(url, '{"name":"Grace"}')
    def (status3, body3) = post(url, '{"fail":true}')
    assert status1 == 200 && json.parseText(body1) == [greeting: 'Hello, Ada', call: 1]
    assert status2 == 200 && json.parseText(body2) == [greeting: 'Hello, Grace', call: 2]
    assert status3 == 500
    def error = json.parseText(body3)
    assert error.errorType == 'java.lang.IllegalArgumentException' && error.errorMessage == 'asked to fail'
    assert error.stackTrace == ['com.example.Greeter.handle(Greeter.java:11)']
} finally {
    // SIGTERM, as Ctrl+C or a process manager stops it: the goal's shutdown hook stops the server
    process.destroy()
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false : "the build did not stop on SIGTERM:\n${output()}"
    }
}

def lines = output().readLines()
def requests = lines.findAll { it =~ /^\[INFO\] POST \/ -> / }
assert requests.size() == 3 : output()
assert requests[0] =~ /-> 200 in \d+ ms \(request [0-9a-f-]{36}, handler \d+ ms\)$/
assert requests[1] =~ /-> 200 in /
assert requests[2].contains('-> 500 in ') && requests[2].contains('threw java.lang.IllegalArgumentException: asked to fail')
assert lines.any { it.contains('[INFO] Stopped serving com.example.Greeter.handle') } : output()
def last = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/functiongraph/run-result.json'))
assert last.result == [greeting: 'Hello, Grace', call: 2]
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
