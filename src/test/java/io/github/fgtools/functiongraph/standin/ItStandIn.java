package io.github.fgtools.functiongraph.standin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stand-in for maven-invoker-plugin hook scripts. The files in the IT's base directory are the
 * interface: hook scripts may each run in a fresh class loader, so nothing here keeps static state.
 *
 * <pre>
 * // setup.groovy
 * io.github.fgtools.functiongraph.standin.ItStandIn.setup(basedir)
 * // verify.groovy
 * def journal = io.github.fgtools.functiongraph.standin.ItStandIn.journal(basedir)
 * assert journal.any { it.method == 'POST' &amp;&amp; it.path.endsWith('/fgs/functions') &amp;&amp; it.status == 200 }
 * io.github.fgtools.functiongraph.standin.ItStandIn.stop(basedir)
 * </pre>
 *
 * <h2>Files</h2>
 * <ul>
 *   <li>written: {@code test.properties} (existing entries kept) with {@code functiongraph.endpoint},
 *       {@code functiongraph.iamEndpoint}, {@code functiongraph.obsEndpoint} (all the base URL),
 *       {@code functiongraph.region=cn-north-4} and the extra properties; NOT {@code projectId}, so the
 *       plugin's IAM lookup runs unless an IT adds it;</li>
 *   <li>written: {@code standin.url}: the base URL, one line;</li>
 *   <li>written by the stand-in: {@code standin-journal.jsonl} (one {@link RecordedRequest#toMap()} per
 *       line), {@code standin-code/<func_name>.bin} (latest code), {@code standin-releases/<func_name>.json}
 *       (the function's versions in publishing order and its aliases; {@link ItRun#releases}),
 *       {@code standin-work/} (its storage);</li>
 *   <li>read, optional: {@code standin-faults.json}, a JSON array of faults queued in order:
 *   <pre>
 * [ {"method": "POST", "path": "/v2/.*&#47;fgs/functions", "type": "status", "status": 503,
 *    "body": {"error_code": "FSS.0503", "error_msg": "busy"}, "headers": {"Retry-After": "1"}},
 *   {"path": ".*&#47;invocations", "type": "delay", "ms": 1500},
 *   {"method": "PUT", "path": "/my-bucket/.*", "type": "drop"},
 *   {"type": "dropAfterHandling", "method": "POST", "path": "/v2/.*&#47;fgs/functions"},
 *   {"type": "hang", "path": ".*&#47;config"} ]
 *   </pre>
 *   {@code method} defaults to any ({@code "*"}), {@code path} (a regex fully matching the raw or decoded
 *   path, no query) to {@code ".*"}; {@code body} is a string sent as is, or any other JSON value sent as
 *   JSON; {@code type} is {@code status} (needs {@code status}), {@code delay} (needs {@code ms}),
 *   {@code hang}, {@code drop} or {@code dropAfterHandling}; see {@link Fault};</li>
 *   <li>read, optional: {@code standin-functions.json}, a JSON array of CreateFunction request bodies
 *       created (with the same validation) in project {@link CloudStandIn#PROJECT_ID} before the build.</li>
 * </ul>
 */
public final class ItStandIn {

    public static final String URL_FILE = "standin.url";
    public static final String PROPERTIES_FILE = "test.properties";
    public static final String FAULTS_FILE = "standin-faults.json";
    public static final String FUNCTIONS_FILE = "standin-functions.json";

    /** Starts a stand-in for this IT; see the class comment. */
    public static CloudStandIn setup(File basedir) {
        return setup(basedir, Map.of());
    }

    /**
     * As {@link #setup(File)}, with FunctionGraph's clock fixed at {@code serviceTime} (ISO 8601 with an offset, e.g.
     * {@code 2026-12-04T14:21:28+08:00}): the first version published without a name is {@code v20261204-142128},
     * the next {@code v20261204-142128-2}, …, so that the IT's goals can name them.
     */
    public static CloudStandIn setupAt(File basedir, String serviceTime) {
        CloudStandIn standIn = setup(basedir, Map.of());
        standIn.setClock(java.time.Clock.fixed(java.time.OffsetDateTime.parse(serviceTime).toInstant(),
                java.time.ZoneOffset.UTC));
        return standIn;
    }

    /** As {@link #setup(File)}, adding {@code extraProperties} to {@code test.properties}. */
    public static CloudStandIn setup(File basedir, Map<String, String> extraProperties) {
        Path dir = basedir.toPath().toAbsolutePath();
        CloudStandIn standIn = CloudStandIn.start(dir);
        try {
            Path faults = dir.resolve(FAULTS_FILE);
            if (Files.isRegularFile(faults)) {
                for (JsonNode f : Http.JSON.readTree(faults.toFile())) {
                    standIn.enqueueFault(f.path("method").asText("*"), f.path("path").asText(".*"), fault(f));
                }
            }
            Path functions = dir.resolve(FUNCTIONS_FILE);
            if (Files.isRegularFile(functions)) {
                for (JsonNode body : Http.JSON.readTree(functions.toFile())) {
                    standIn.createFunction(body);
                }
            }
            Properties props = new Properties();
            Path propsFile = dir.resolve(PROPERTIES_FILE);
            if (Files.isRegularFile(propsFile)) {
                try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.ISO_8859_1)) {
                    props.load(r);
                }
            }
            props.setProperty("functiongraph.endpoint", standIn.baseUrl());
            props.setProperty("functiongraph.iamEndpoint", standIn.baseUrl());
            props.setProperty("functiongraph.obsEndpoint", standIn.baseUrl());
            props.setProperty("functiongraph.region", CloudStandIn.REGION);
            extraProperties.forEach(props::setProperty);
            try (Writer w = Files.newBufferedWriter(propsFile, StandardCharsets.ISO_8859_1)) {
                props.store(w, "written by ItStandIn.setup");
            }
            Files.writeString(dir.resolve(URL_FILE), standIn.baseUrl() + "\n");
            return standIn;
        } catch (IOException | RuntimeException e) {
            standIn.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    static Fault fault(JsonNode f) {
        String type = f.path("type").asText(f.has("status") ? "status" : f.has("ms") ? "delay" : "");
        switch (type) {
            case "status": {
                if (!f.path("status").canConvertToInt()) {
                    throw new IllegalArgumentException(FAULTS_FILE + ": a status fault needs \"status\": " + f);
                }
                JsonNode b = f.get("body");
                String body = b == null || b.isNull() ? "" : b.isTextual() ? b.asText() : b.toString();
                Map<String, String> headers = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = f.path("headers").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    headers.put(e.getKey(), e.getValue().asText());
                }
                return Fault.status(f.get("status").asInt(), body, headers);
            }
            case "delay":
                return Fault.delay(f.path("ms").asLong());
            case "hang":
                return Fault.hang();
            case "drop":
                return Fault.drop();
            case "dropAfterHandling":
                return Fault.dropAfterHandling();
            default:
                throw new IllegalArgumentException(FAULTS_FILE + ": unknown fault type '" + type
                        + "' (status, delay, hang, drop, dropAfterHandling): " + f);
        }
    }

    /** The base URL written by {@link #setup}. */
    public static String baseUrl(File basedir) {
        try {
            return Files.readString(basedir.toPath().resolve(URL_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The journal so far: one map per request, as {@link RecordedRequest#toMap()} (time as a string). */
    public static List<Map<String, Object>> journal(File basedir) {
        Path p = basedir.toPath().resolve(CloudStandIn.JOURNAL_FILE);
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isRegularFile(p)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Http.JSON.readValue(line, new TypeReference<TreeMap<String, Object>>() { }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The latest code the stand-in holds for {@code funcName} ({@code standin-code/<name>.bin}), or null. */
    public static byte[] code(File basedir, String funcName) {
        Path p = basedir.toPath().resolve(CloudStandIn.CODE_DIR).resolve(funcName + ".bin");
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the stand-in whose URL is in {@code standin.url} ({@code POST /__standin/stop}); quiet if gone. */
    public static void stop(File basedir) {
        Path urlFile = basedir.toPath().resolve(URL_FILE);
        if (!Files.isRegularFile(urlFile)) {
            return;
        }
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(baseUrl(basedir) + "/__standin/stop").openConnection();
            c.setRequestMethod("POST");
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setDoOutput(true);
            try (OutputStream os = c.getOutputStream()) {
                os.write(new byte[0]);
            }
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            c.disconnect();
        } catch (IOException e) {
            // already stopped
        }
    }

    private ItStandIn() {
    }
}
