def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.creates.size() == 1 && run.creates[0].status == 200
assert run.result().action == 'created'
