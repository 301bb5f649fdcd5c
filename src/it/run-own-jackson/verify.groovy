// The project's Jackson 2.12 wins over the plugin's: it binds the event (its @JsonProperty names apply), the
// handler's code sees it, and the plugin's own classes stay out of sight.
def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/functiongraph/run-result.json')).result
assert result.user == 'ada'
assert result.since == '2024-05-01'
assert result.jackson.startsWith('2.12.')
assert result.jacksonIsMine == true
assert result.seesPluginClasses == false
return true

// the whole IT suite runs with -X: no secret in the log, nor under target/
io.github.fgtools.functiongraph.standin.ItRun.assertNoSecrets(basedir)
