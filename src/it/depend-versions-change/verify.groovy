def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
assert run.creates.size() == 1 && run.creates[0].body.depend_version_list == ['dep-1-version-id']
// build 2: the package is the same, the list is not; UpdateFunctionCode is the call that takes depend_version_list
def codePuts = run.calls('PUT', '/code')
assert codePuts.size() == 1 && codePuts[0].status == 200 : codePuts
assert codePuts[0].body.depend_version_list == ['dep-1-version-id', 'dep-2-version-id']
assert codePuts[0].body.code_type == 'jar' && codePuts[0].body.func_code.file.size > 0
assert run.calls('PUT', '/config').isEmpty()
// build 3: the function has the list now: nothing is written
assert run.writes.size() == 2 : run.writes.collect { it.method + ' ' + it.path }
assert run.log.contains('Updating the dependencies of depend-versions-change')
assert run.log.contains('Updated urn:fss:') && run.log.contains('(dependencies updated)')
assert run.result().action == 'unchanged'
