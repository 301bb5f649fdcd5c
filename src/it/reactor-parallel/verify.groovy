def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// both modules' functions were created by one parallel reactor build, each once, and both packages are in place
assert run.creates.collect { it.body.func_name }.sort() == ['orders', 'payments']
assert run.creates.every { it.status == 200 && it.body.code_type == 'jar' }
assert new File(basedir, 'orders/target/functiongraph/orders.jar').isFile()
assert new File(basedir, 'payments/target/functiongraph/payments.jar').isFile()
assert run.log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !run.log.contains('[WARNING] *****************************************************************')
