def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def codePuts = run.journal.findAll { it.method == 'PUT' && it.path.endsWith('/code') }
assert codePuts.size() == 1 && codePuts[0].status == 200 && codePuts[0].body.code_type == 'jar'
assert !run.journal.any { it.method == 'PUT' && it.path.endsWith('/config') }
assert run.result().action == 'updated' && run.result().changes == ['code updated']
