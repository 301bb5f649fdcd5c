def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.journal.any { it.status == 401 }
assert run.log.contains('IAM 401 APIG.0301') || run.log.contains('FunctionGraph 401 APIG.0301')
assert run.log.contains('UTC time sent was')
