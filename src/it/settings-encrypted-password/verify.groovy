import io.github.fgtools.functiongraph.standin.CloudStandIn
def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
// the SK was decrypted from settings.xml and signed requests the stand-in accepted
assert run.creates.size() == 1 && run.creates[0].status == 200 && run.creates[0].accessKey == CloudStandIn.AK
assert run.journal.every { it.authFailure == null }
assert !run.log.contains(CloudStandIn.SK)
