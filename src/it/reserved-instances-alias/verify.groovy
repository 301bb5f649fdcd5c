def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def reserved = run.writes.findAll { it.path.contains('reservedinstances') }
// build 1 sets 2 reserved instances with idle mode on the alias prod; build 2 reads them back and writes nothing
assert reserved.size() == 1 : reserved.collect { it.method + ' ' + it.path }
assert reserved[0].method == 'PUT' && reserved[0].path.endsWith(':!prod/reservedinstances')
assert reserved[0].body.count == 2
assert reserved[0].body.idle_mode == true
assert run.log.contains('Updating reservedInstances on prod 0 -> 2, idle mode false -> true')
assert run.log.contains('Reserved instances on prod unchanged (2)')
def result = run.result()
assert !result.changes.any { it.contains('reservedInstances') }
return true
