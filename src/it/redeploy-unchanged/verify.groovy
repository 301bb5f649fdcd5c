def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// the second build sends only reads: same package digest, same configuration
assert run.creates.size() == 1
assert run.writes.size() == 1 : run.writes.collect { it.method + ' ' + it.path }
assert run.result().action == 'unchanged'
assert run.log.contains('Code unchanged') && run.log.contains('Configuration unchanged')
