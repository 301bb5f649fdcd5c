def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.creates.size() == 1 && run.creates[0].status == 200
assert run.creates[0].body.code_type == 'jar' && run.creates[0].body.code_filename == 'deploy-jar-no-dependencies.jar'
assert new File(basedir, 'target/functiongraph/deploy-jar-no-dependencies.jar').bytes == new File(basedir, 'target/deploy-jar-no-dependencies-1.0.0.jar').bytes
assert run.result().action == 'created' && run.result().codeType == 'jar'
