def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def fnWrites = run.writes.findAll { it.path.contains('/fgs/functions') }
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
