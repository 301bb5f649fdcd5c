// The build fails with the user's own frames, not the plugin's or reflection's.
def log = new File(basedir, 'build.log').text
def start = log.indexOf('Failed to execute goal')
assert start >= 0
def end = log.indexOf('-> [Help 1]', start)
def message = log.substring(start, end)

assert message.contains('The handler com.example.OrderHandler.handle threw java.lang.IllegalStateException: cannot read the order not-a-number')
assert message.contains('at com.example.OrderHandler.handle(OrderHandler.java:8)')
assert message.contains('Caused by: java.lang.NumberFormatException: For input string: "not-a-number"')
assert message.contains('at com.example.OrderHandler.quantity(OrderHandler.java:13)')
def frames = message.readLines().findAll { it.contains('\tat ') }
assert frames.size() == 6 : frames
frames.each { frame ->
    ['io.github.fgtools', 'reflect.', 'java.util.concurrent.', 'java.lang.Thread.'].each {
        assert !frame.contains(it) : "the message shows a frame of $it: $frame"
    }
}
assert !new File(basedir, 'target/functiongraph/run-result.json').exists()
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
