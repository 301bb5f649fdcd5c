// FunctionGraph's clock fixed: the versions are v20261204-142128, v20261204-142128-2, … v20261204-142128-6
io.github.fgtools.functiongraph.standin.ItStandIn.setupAt(basedir, '2026-12-04T14:21:28+08:00')

return true
