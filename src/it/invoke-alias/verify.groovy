import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)

def calls = run.journal.findAll { it.path.endsWith('/invocations') }
assert calls.size() == 2 && calls.every { it.status == 200 }
assert calls[0].path.endsWith(':invoke-alias:!live/invocations')
assert calls[1].path.endsWith(':invoke-alias:1/invocations')
def out = run.json('target/functiongraph/invoke-result.json')
assert out.result.contains('"version":"1"')
