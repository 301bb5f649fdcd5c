def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def v = ['v20261204-142128'] + (2..6).collect { "v20261204-142128-${it}".toString() }
assert run.calls('POST', '/versions').count { it.status == 200 } == 6
assert run.versionNames('keep-versions') == [v[0], v[3], v[4], v[5]]
def deletes = run.journal.findAll { it.method == 'DELETE' }
assert deletes.collect { it.path.replaceAll('.*:keep-versions:', '') } == [v[1], v[2]]
assert deletes.every { it.status == 204 }
def aliases = run.aliases('keep-versions')
assert aliases.stable.version == v[0] && aliases.stable.additional_version_weights == [:]
assert aliases.prod.version == v[3] && aliases.prod.additional_version_weights == [(v[4]): 10]
assert run.log.contains("Keeping version ${v[0]}: alias stable points at it")
assert run.log.contains("Deleting version ${v[2]} (older than the newest 3, no alias on it)")
def r = run.result()
assert r.version == v[5] && r.changes == ['configuration updated', "version ${v[5]} published".toString(), "version ${v[2]} deleted".toString()]
