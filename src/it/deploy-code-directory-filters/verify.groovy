def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)

// <includes>/<excludes> pick the files of <codeDirectory>; Maven's default excludes (*~, .DS_Store, .git, ...)
// apply even when an include names them
assert run.creates.size() == 1 && run.creates[0].status == 200
def zip = new java.util.zip.ZipFile(new File(basedir, 'target/functiongraph/deploy-code-directory-filters.zip'))
def files = zip.entries().findAll { !it.directory }.collect { it.name }
assert files == ['index.py', 'lib/util.py'] : files
