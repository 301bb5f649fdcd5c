def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
def log = run.log
assert log.contains('The function jar class-files-newer-than-runtime-1.0.0.jar has 1 class file newer than runtime Java11 loads: com.example.Handler is Java 17 (class file major 61), and Java11 runs class files up to Java 11 (class file major 55).')
assert log.contains('UnsupportedClassVersionError')
assert log.contains('or set <runtime> (functiongraph.runtime) to Java17. Nothing was sent.')
assert log.contains('In Maven: set <maven.compiler.release>11</maven.compiler.release>')
// the refused build sent nothing (not even the IAM project lookup): every request is the second build's
assert run.journal.count { it.path == '/v3/projects' } == 1
assert run.creates.size() == 1 && run.creates[0].status == 200 && run.creates[0].body.runtime == 'Java17'
assert run.result().action == 'created'
