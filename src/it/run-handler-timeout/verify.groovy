// Past <timeout> the build fails saying so, where the handler was, and without waiting for it.
def log = new File(basedir, 'build.log').text
assert log.contains('The handler com.example.SlowHandler.handle ran past <timeout> (functiongraph.timeout) = 3 s')
assert log.contains('at com.example.SlowHandler.handle(SlowHandler.java:5)')
def total = (log =~ /Total time: +([0-9.]+) s/)
assert total.find() : 'no Total time in build.log'
assert Double.parseDouble(total.group(1)) < 60 : "the build waited for the handler: ${total.group(0)}"
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
