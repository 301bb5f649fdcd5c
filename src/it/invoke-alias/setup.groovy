// FunctionGraph's clock fixed: the version published without a name is v20261204-142128
io.github.fgtools.functiongraph.standin.ItStandIn.setupAt(basedir, '2026-12-04T14:21:28+08:00')
return true
