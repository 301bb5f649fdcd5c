def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.isEmpty() : 'nothing is sent for a package over the inline limit'
assert run.log.contains('over the 50 MB FunctionGraph takes inline')
assert run.log.contains('<obsBucket> (functiongraph.obsBucket)')
