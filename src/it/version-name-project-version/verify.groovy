def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def fn = 'version-name-project-version'
// published once, under the project's version, which invoke addresses as a version (not an alias)
def published = run.calls('POST', '/versions')
assert published.size() == 1 && published[0].status == 200 && published[0].body.version == '1.4.0'
assert run.versionNames(fn) == ['1.4.0']
assert run.aliases(fn).prod.version == '1.4.0'
def invocations = run.calls('POST', '/invocations')
assert invocations.size() == 1 && invocations[0].path.endsWith(":${fn}:1.4.0/invocations") && invocations[0].status == 200
// the unchanged rerun reused it and wrote nothing; the changed rerun failed before writing anything
assert run.writes.collect { it.method + ' ' + it.path.replaceAll('.*/', '') } ==
        ['POST functions', 'POST versions', 'POST aliases', 'POST invocations']
assert run.log.contains('Version 1.4.0 exists with this code and configuration: reusing it')
assert run.log.contains("Version 1.4.0 of ${fn} exists already and differs from this deploy in description ('one' in the version, 'changed' in the POM)")
assert run.log.contains('Versions are immutable: publish under another <versionName> (functiongraph.versionName)')
assert run.log.contains('Deploy failed: nothing was changed in the cloud.')
def r = run.result()
assert r.action == 'failed' && r.changes == []
