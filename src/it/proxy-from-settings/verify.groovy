import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

def proxied = new File(basedir, 'proxy-journal.txt').readLines()
// every call reached the stand-in through the authenticating proxy
assert proxied.size() == journal.size() && proxied.size() >= 3
assert proxied.any { it.startsWith('POST http://127.0.0.1:') && it.endsWith('/fgs/functions') }
assert creates.size() == 1 && creates[0].status == 200
assert !log.contains('proxy-pass')
