def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def puts = run.journal.findAll { it.method == 'PUT' && it.path.contains('/aliases/prod') }
assert puts.size() == 2
// canary: the alias stays on version 1 and sends 10% to version 2
assert puts[0].body.version == '1' && puts[0].body.additional_version_weights == ['2': 10]
// full move: nothing changed since version 2, which is reused; the weights are cleared
assert puts[1].body.version == '2' && puts[1].body.additional_version_weights == [:]
assert run.journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') && it.status == 200 }.size() == 2
assert run.result().version == '2' && run.result().action == 'unchanged'
