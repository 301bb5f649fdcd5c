def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.log.contains('did not answer GET') && run.log.contains('within 2 s')
assert run.log.contains('<readTimeout> (functiongraph.readTimeout)')
def total = (run.log =~ /Total time: +([0-9.]+) s/)
assert total.find() && Double.parseDouble(total.group(1)) < 30 : 'the build waits no longer than its timeouts allow'
