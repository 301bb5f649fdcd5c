import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

// the second build sends only reads: same package digest, same configuration
assert creates.size() == 1
assert writes.size() == 1 : writes.collect { it.method + ' ' + it.path }
assert result().action == 'unchanged'
assert log.contains('Code unchanged') && log.contains('Configuration unchanged')
