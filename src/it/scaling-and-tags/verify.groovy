def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def fnWrites = run.writes.findAll { it.path.contains('/fgs/functions') }
def tagWrites = run.writes.findAll { it.path.contains('/tags') }
// the tags: one CreateTags in build 1 with both, on the function's func_id; none in build 2
assert tagWrites.size() == 1 : tagWrites.collect { it.method + ' ' + it.path }
assert tagWrites[0].method == 'POST' && tagWrites[0].path ==~ /.*\/functions\/[0-9a-f-]{36}\/tags\/create/
assert tagWrites[0].body.action == 'create'
assert tagWrites[0].body.tags.collect { it.key + '=' + it.value } == ['env=prod', 'team=payments']
assert run.log.contains('Tags unchanged (2 of the POM')
// build 1 creates the function, sets the maximum and the per-instance concurrency; build 2 only reads;
// build 3 (maxInstances=0 without allowDisable) is refused before anything is sent
assert fnWrites.size() == 3 : fnWrites.collect { it.method + ' ' + it.path }
assert fnWrites[0].method == 'POST'
assert fnWrites[1].method == 'PUT' && fnWrites[1].path.endsWith(':latest/config-max-instance')
assert fnWrites[1].body.max_instance_num == 10
assert fnWrites[2].method == 'PUT' && fnWrites[2].path.endsWith(':latest/config')
assert fnWrites[2].body.strategy_config.concurrent_num == 5
assert fnWrites[2].body.strategy_config.concurrency == 10
assert run.log.contains('Updating maxInstances 400 -> 10')
assert run.log.contains('Scaling unchanged')
assert run.log.contains('<maxInstances> (functiongraph.maxInstances) = 0: 0 disables the function')
assert run.log.contains('<allowDisable> (functiongraph.allowDisable) = true')
def result = run.result()
// the result of build 2: the refused build 3 wrote none
assert result.action == 'unchanged'
assert result.changes == []
return true
