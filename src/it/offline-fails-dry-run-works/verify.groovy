def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.isEmpty() : 'nothing is sent offline'
assert run.log.contains('Maven is offline (-o)')
assert run.result().action == 'dry-run'
