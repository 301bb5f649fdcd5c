// A POJO event bound from payloadFile's JSON; a POJO result printed and written as JSON.
def log = new File(basedir, 'build.log').text
assert log.contains('with the event from <payloadFile> ')
assert log.contains('[INFO] {"orderId":"o-42","items":3,"total":11.0}')

def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/functiongraph/run-result.json'))
assert result.result == [orderId: 'o-42', items: 3, total: 11.0]
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
