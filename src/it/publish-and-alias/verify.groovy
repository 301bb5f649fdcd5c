def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def versions = run.journal.findAll { it.method == 'POST' && it.path.endsWith('/versions') }
// published without a name: FunctionGraph names the version from the time, as v<yyyyMMdd>-<HHmmss>
assert versions.size() == 1 && versions[0].status == 200 && versions[0].body.description == 'first'
assert versions[0].body.version == null
def names = run.versionNames('publish-and-alias')
assert names.size() == 1 && names[0] ==~ /v\d{8}-\d{6}/
def aliases = run.journal.findAll { it.method == 'POST' && it.path.endsWith('/aliases') }
assert aliases.size() == 1 && aliases[0].body.name == 'prod' && aliases[0].body.version == names[0]
def r = run.result()
assert r.version == names[0] && r.alias == 'prod' && r.action == 'created'
assert run.log.contains("Version ${names[0]}, alias prod")
