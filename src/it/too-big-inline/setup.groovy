io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)

def blob = new File(basedir, 'src/main/resources/blob.bin')
blob.parentFile.mkdirs()
def random = new java.util.Random(51)
blob.withOutputStream { out ->
    byte[] chunk = new byte[1024 * 1024]
    51.times { random.nextBytes(chunk); out.write(chunk) }
}

return true
