io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)

return true
