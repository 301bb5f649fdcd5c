import io.github.fgtools.functiongraph.standin.ItStandIn
import io.github.fgtools.functiongraph.standin.CloudStandIn
import groovy.json.JsonSlurper
def journal = ItStandIn.journal(basedir)
def log = new File(basedir, 'build.log').text
def fg = journal.findAll { it.service == 'functiongraph' || it.path.startsWith('/v2/') }
def creates = journal.findAll { it.method == 'POST' && it.path ==~ '/v2/[^/]+/fgs/functions' }
def writes = journal.findAll { it.method != 'GET' && it.method != 'HEAD' }
def result = { new JsonSlurper().parse(new File(basedir, 'target/functiongraph/deploy-result.json')) }

// created once, then updated: never created twice; the same package is not uploaded again
assert creates.size() == 1
def configPuts = journal.findAll { it.method == 'PUT' && it.path.endsWith('/config') }
assert configPuts.size() == 1 && configPuts[0].status == 200 && configPuts[0].body.memory_size == 512
assert configPuts[0].body.handler == 'com.example.Handler.handle' && configPuts[0].body.runtime == 'Java11'
assert !journal.any { it.method == 'PUT' && it.path.endsWith('/code') }
assert result().action == 'updated'
