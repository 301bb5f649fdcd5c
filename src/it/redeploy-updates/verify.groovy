def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// created once, then updated: never created twice; the same package is not uploaded again
assert run.creates.size() == 1
def configPuts = run.journal.findAll { it.method == 'PUT' && it.path.endsWith('/config') }
assert configPuts.size() == 1 && configPuts[0].status == 200 && configPuts[0].body.memory_size == 512
assert configPuts[0].body.handler == 'com.example.Handler.handle' && configPuts[0].body.runtime == 'Java11'
assert !run.journal.any { it.method == 'PUT' && it.path.endsWith('/code') }
assert run.result().action == 'updated'
