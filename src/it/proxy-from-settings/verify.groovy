def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def proxied = new File(basedir, 'proxy-journal.txt').readLines()
// every call reached the stand-in through the authenticating proxy
assert proxied.size() == run.journal.size() && proxied.size() >= 3
assert proxied.any { it.startsWith('POST http://127.0.0.1:') && it.endsWith('/fgs/functions') }
assert run.creates.size() == 1 && run.creates[0].status == 200
assert !run.log.contains('proxy-pass')
