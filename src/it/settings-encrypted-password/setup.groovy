
io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir,
    ['settings.security': new File(basedir, 'settings-security.xml').absolutePath])

return true
