def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def triggerWrites = run.writes.findAll { it.path.contains('/fgs/triggers/') }
// build 1: two creates; build 2: the timer deleted and created again, the APIG trigger left alone
assert triggerWrites.collect { it.method } == ['POST', 'POST', 'DELETE', 'POST'] : triggerWrites.collect { it.method + ' ' + it.path }
assert triggerWrites[2].path.contains('/TIMER/')
assert triggerWrites[3].body.event_data.schedule == '2h'
def result = run.result()
assert result.action == 'updated'
assert result.changes == ['trigger TIMER nightly re-created (schedule changed: the API cannot update it)']
assert result.triggers.collect { it.action } == ['recreated', 'unchanged']
assert run.log.contains('Re-creating trigger TIMER nightly: schedule changed, which the API cannot update')
return true
