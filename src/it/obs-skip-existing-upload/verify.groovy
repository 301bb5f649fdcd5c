def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// the second create finds the same object (size and MD5) in OBS and does not upload it again
assert run.journal.findAll { it.method == 'PUT' && it.path.startsWith('/fg-code/') }.size() == 1
assert run.journal.findAll { it.method == 'HEAD' && it.path.startsWith('/fg-code/') }.size() == 2
assert run.creates.findAll { it.status == 200 }.size() == 2
assert run.log.contains('not uploaded again')
