def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def journal = new File(basedir, 'proxy-journal.txt')
// the stand-in's host is in the proxy's nonProxyHosts (Maven's own matching): every call went direct
assert !journal.exists() || journal.readLines().isEmpty()
assert run.journal.size() >= 3
assert run.creates.size() == 1 && run.creates[0].status == 200
assert !run.log.contains('proxy-pass')
