def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.creates.collect { it.body.func_name }.sort() == ['orders', 'payments']
assert run.creates.every { it.status == 200 }
def skipped = run.log.readLines().findAll { it.contains('Skipping functiongraph:deploy') }
assert skipped == ["[INFO] Skipping functiongraph:deploy for reactor-parent-execution: packaging 'pom' has no code to deploy (set <artifactFile> or <codeDirectory> to deploy one)"]
assert !new File(basedir, 'target/functiongraph').exists()
assert new File(basedir, 'orders/target/functiongraph/orders.jar').isFile()
assert new File(basedir, 'payments/target/functiongraph/payments.jar').isFile()
