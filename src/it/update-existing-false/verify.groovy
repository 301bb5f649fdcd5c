import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)

assert run.creates.size() == 1
assert run.writes.size() == 1 : 'the existing function is left alone'
assert run.log.contains('exists and <updateExisting> (functiongraph.updateExisting) is false')
