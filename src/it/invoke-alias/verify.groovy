def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)

assert run.versionNames('invoke-alias') == ['v20261204-142128']
def calls = run.journal.findAll { it.path.endsWith('/invocations') }
assert calls.size() == 2 && calls.every { it.status == 200 }
assert calls[0].path.endsWith(':invoke-alias:!live/invocations')
assert calls[1].path.endsWith(':invoke-alias:v20261204-142128/invocations')
def out = run.json('target/functiongraph/invoke-result.json')
assert out.result.contains('"version":"v20261204-142128"')
