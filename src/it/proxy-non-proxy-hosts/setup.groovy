
import io.github.fgtools.functiongraph.proxy.ForwardProxy
io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir,
    ['settings.security': new File(basedir, 'settings-security.xml').absolutePath])
def proxy = ForwardProxy.start('proxy-user', 'proxy-pass', new File(basedir, 'proxy-journal.txt'))
def settings = new File(basedir, 'bypass-proxy-settings.xml')
settings.text = settings.text.replace('PROXY_PORT', String.valueOf(proxy.port()))
return true
