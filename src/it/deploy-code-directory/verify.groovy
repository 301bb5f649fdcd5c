import groovy.json.JsonSlurper
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)

// a non-Java function: the folder is zipped (sorted, reproducible); no jar is needed
assert run.creates.size() == 1 && run.creates[0].status == 200
assert run.creates[0].body.runtime == 'Python3.9' && run.creates[0].body.code_type == 'zip'
def zip = new java.util.zip.ZipFile(new File(basedir, 'target/functiongraph/deploy-code-directory.zip'))
assert zip.entries().findAll { !it.directory }.collect { it.name } == ['index.py', 'lib/util.py']
