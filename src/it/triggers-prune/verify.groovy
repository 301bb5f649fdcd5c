def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def triggerWrites = run.writes.findAll { it.path.contains('/fgs/triggers/') }
// build 1 creates the POM's timer and keeps the console's; build 2 (pruneTriggers) deletes the console's
assert triggerWrites.collect { it.method } == ['POST', 'DELETE'] : triggerWrites.collect { it.method + ' ' + it.path }
assert run.log.contains('Kept 1 trigger the POM does not name: TIMER console')
assert run.log.contains('Deleting trigger TIMER console, which the POM does not name')
def result = run.result()
assert result.changes == ['trigger TIMER console deleted']
assert result.triggers.collect { it.action } == ['unchanged', 'deleted']
return true
