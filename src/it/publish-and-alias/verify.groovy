def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def versions = run.journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') }
assert versions.size() == 1 && versions[0].status == 200 && versions[0].body.description == 'first'
def aliases = run.journal.findAll { it.method == 'POST' && it.path.endsWith('/aliases') }
assert aliases.size() == 1 && aliases[0].body.name == 'prod' && aliases[0].body.version == '1'
def r = run.result()
assert r.version == '1' && r.alias == 'prod' && r.action == 'created'
