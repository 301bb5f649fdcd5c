def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def deletes = run.journal.findAll { it.method == 'DELETE' }
assert deletes.size() == 2
assert deletes[0].status == 204
assert deletes[1].status == 404
assert run.log.contains('does not exist: nothing to delete')
