import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def standIn = io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)
// the function exists with a timer made "in the console", which the POM does not name
def bytes = new ByteArrayOutputStream()
new ZipOutputStream(bytes).withCloseable { z ->
    z.putNextEntry(new ZipEntry('handler.jar'))
    z.write('x'.bytes)
}
def json = new com.fasterxml.jackson.databind.ObjectMapper()
standIn.createFunction(json.readTree("""{"func_name": "triggers-prune", "package": "default", "runtime": "Java11",
  "handler": "com.example.Handler.handle", "memory_size": 256, "timeout": 30, "code_type": "zip",
  "code_filename": "triggers-prune.zip", "func_code": {"file": "${bytes.toByteArray().encodeBase64()}"}}"""))
standIn.createTrigger('triggers-prune', 'latest', json.readTree('''{"trigger_type_code": "TIMER",
  "trigger_status": "ACTIVE", "event_data": {"name": "console", "schedule_type": "Rate", "schedule": "5m"}}'''))
return true
