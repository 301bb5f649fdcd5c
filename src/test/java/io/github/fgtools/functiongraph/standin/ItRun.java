package io.github.fgtools.functiongraph.standin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one src/it build left behind, for its verify.groovy: the stand-in's journal, the build log, the deploy result.
 * <pre>
 * def run = io.github.fgtools.functiongraph.standin.ItRun.of(basedir)
 * assert run.creates.size() == 1 &amp;&amp; run.result().action == 'created'
 * </pre>
 */
public final class ItRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREATE = Pattern.compile("/v2/[^/]+/fgs/functions");

    private final File basedir;
    /** Every request the stand-in saw, in order ({@link RecordedRequest#toMap()}). */
    public final List<Map<String, Object>> journal;
    /** The whole build.log (all invocations of the IT). */
    public final String log;
    /** The CreateFunction calls. */
    public final List<Map<String, Object>> creates;
    /** Every request but GET and HEAD. */
    public final List<Map<String, Object>> writes;

    private ItRun(File basedir) {
        this.basedir = basedir;
        this.journal = ItStandIn.journal(basedir);
        this.log = read(new File(basedir, "build.log"));
        this.creates = journal.stream().filter(r -> "POST".equals(r.get("method"))
                && CREATE.matcher(String.valueOf(r.get("path"))).matches()).collect(Collectors.toList());
        this.writes = journal.stream().filter(r -> !"GET".equals(r.get("method")) && !"HEAD".equals(r.get("method")))
                .collect(Collectors.toList());
    }

    public static ItRun of(File basedir) {
        return new ItRun(basedir);
    }

    /** The requests with this method whose path ends with {@code suffix}. */
    public List<Map<String, Object>> calls(String method, String suffix) {
        return journal.stream().filter(r -> method.equals(r.get("method"))
                && String.valueOf(r.get("path")).endsWith(suffix)).collect(Collectors.toList());
    }

    /** {@code target/functiongraph/deploy-result.json}. */
    public Map<String, Object> result() {
        return json("target/functiongraph/deploy-result.json");
    }

    /** A JSON file of the IT, relative to its base directory. */
    public Map<String, Object> json(String path) {
        try {
            return JSON.readValue(new File(basedir, path), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(File file) {
        try {
            return file.isFile() ? new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
