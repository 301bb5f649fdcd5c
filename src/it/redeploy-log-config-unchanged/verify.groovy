def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// the stand-in answers GET .../config as ShowFunctionConfigResponse: the binding as log_group_id/log_stream_id
def configs = run.journal.findAll { it.method == 'GET' && it.path.endsWith('/config') && it.status == 200 }
assert !configs.isEmpty()
// first build: create (with log_config), publish version 1, create alias prod; the second sends only reads
assert run.creates.size() == 1 && run.creates[0].body.log_config.group_id == 'lg-0a1b2c3d'
assert run.writes.collect { it.method + ' ' + it.path.replaceAll('.*/', '') } == ['POST functions', 'POST versions', 'POST aliases'] : run.writes.collect { it.method + ' ' + it.path }
assert !run.journal.any { it.method == 'PUT' }
def names = run.versionNames('redeploy-log-config-unchanged')
assert names.size() == 1
def r = run.result()
assert r.action == 'unchanged' && r.version == names[0] && r.alias == 'prod' && r.changes == []
assert run.log.contains('Configuration unchanged') && run.log.contains("Alias prod already on version ${names[0]}")
