def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def retries = run.log.readLines().findAll { it.startsWith('[WARNING]') && it.contains('retry ') }
assert retries.size() == 3 : retries
assert retries[0].contains('429') && retries[0].contains('in 1.0 s')
assert retries[1].contains('503') && retries[2].contains('503')
assert run.creates.findAll { it.status == 200 }.size() == 1
assert run.result().action == 'created'
