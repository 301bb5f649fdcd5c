def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// the versions as FunctionGraph names them (v<yyyyMMdd>-<HHmmss>), in publishing order
def names = run.versionNames('canary-then-full')
assert names.size() == 2 && names.every { it ==~ /v\d{8}-\d{6}(-\d+)?/ }
def (first, second) = names
def puts = run.journal.findAll { it.method == 'PUT' && it.path.contains('/aliases/prod') }
assert puts.size() == 2
// canary: the alias stays on the first version and sends 10% to the second
assert puts[0].body.version == first && puts[0].body.additional_version_weights == [(second): 10]
// full move: nothing changed since the second version, which is reused; the weights are cleared
assert puts[1].body.version == second && puts[1].body.additional_version_weights == [:]
assert run.journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') && it.status == 200 }.size() == 2
assert run.result().version == second && run.result().action == 'unchanged'
assert run.log.contains("Nothing changed: reusing version ${second}")
def prod = run.aliases('canary-then-full').prod
assert prod.version == second && prod.additional_version_weights == [:]
