def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def triggerWrites = run.writes.findAll { it.path.contains('/fgs/triggers/') }
// the first build creates both triggers on latest; the second sends no trigger write
assert triggerWrites.size() == 2 : triggerWrites.collect { it.method + ' ' + it.path }
assert triggerWrites.every { it.method == 'POST' && it.path.endsWith(':latest') }
assert triggerWrites[0].body.trigger_type_code == 'TIMER'
assert triggerWrites[0].body.event_data.schedule == '0 0 2 * * ?'
assert triggerWrites[1].body.event_data.req_method == 'GET'
assert triggerWrites[1].body.event_data.func_info.timeout == 5000
def result = run.result()
assert result.action == 'unchanged'
assert result.triggers.collect { it.action } == ['unchanged', 'unchanged']
def url = result.triggers[1].invokeUrl
assert url.startsWith('https://') && url.endsWith('/hello')
assert run.log.contains('Trigger TIMER nightly created') || run.log.contains('Creating trigger TIMER nightly')
assert run.log.contains('Endpoint: ' + url)
return true
