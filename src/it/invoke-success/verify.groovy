import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def calls = run.journal.findAll { it.method == 'POST' && it.path.endsWith('/invocations') }
assert calls.size() == 1 && calls[0].status == 200
assert calls[0].headers.find { k, v -> k.equalsIgnoreCase('X-CFF-Request-Version') }?.value == 'v1'
def out = new JsonSlurper().parse(new File(basedir, 'target/functiongraph/invoke-result.json'))
assert out.functionError == false && out.result.contains('"name"')
assert run.log.contains('Result (')
