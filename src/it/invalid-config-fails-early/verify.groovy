def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.isEmpty() : 'nothing is sent when the configuration is invalid'
assert run.log.contains('<memorySize> (functiongraph.memorySize) = 300')
assert run.log.contains('<timeout> (functiongraph.timeout) = 1')
assert run.log.contains("<handler> (functiongraph.handler) = 'nodot'")
assert run.log.contains('3 problems')
