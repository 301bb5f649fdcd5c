import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

// the second create finds the same object (size and MD5) in OBS and does not upload it again
assert journal.findAll { it.method == 'PUT' && it.path.startsWith('/fg-code/') }.size() == 1
assert journal.findAll { it.method == 'HEAD' && it.path.startsWith('/fg-code/') }.size() == 2
assert creates.findAll { it.status == 200 }.size() == 2
assert log.contains('not uploaded again')
