new File(basedir, 'standin-faults.json').text = '[{"method": "GET", "path": ".*/config", "type": "hang"}]'
io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)
return true
