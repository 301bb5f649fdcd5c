package io.github.fgtools.functiongraph.standin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /** Reads what the IT left, after checking that no secret is in its build log or under its target/. */
    public static ItRun of(File basedir) {
        assertNoSecrets(basedir);
        return new ItRun(basedir);
    }

    /** Every secret value the src/it builds use: the stand-in's keys and tokens, and the ITs' own. */
    static final List<String> SECRETS = java.util.Arrays.asList(CloudStandIn.SK, CloudStandIn.TEMP_SK,
            CloudStandIn.SECURITY_TOKEN, CloudStandIn.AUTH_TOKEN, CloudStandIn.IAM_PASSWORD, "proxy-pass",
            "it-db-password-s3cr3t-42", "dry-run-secret-value", "not-the-right-secret-key-0000000000000");

    /** What Maven core itself prints at -X and the plugin cannot mask: its environment dump and its build plan's
     *  copy of the POM's (interpolated) plugin configuration. */
    private static final Pattern MAVEN_CORE_DUMPS = Pattern.compile(
            "(?s)\\[DEBUG\\] Configuration: <\\?xml.*?</configuration>|(?m)^\\[DEBUG\\] env\\.[^\\n]*$");

    /**
     * The ITs run with -X (src/it/invoker.properties): no secret may appear in build.log, but for Maven core's own
     * dumps, nor in any file under target/.
     */
    public static void assertNoSecrets(File basedir) {
        String log = MAVEN_CORE_DUMPS.matcher(read(new File(basedir, "build.log"))).replaceAll("");
        for (String secret : SECRETS) {
            int at = log.indexOf(secret);
            if (at >= 0) {
                int start = log.lastIndexOf('\n', at) + 1;
                int end = log.indexOf('\n', at);
                throw new AssertionError("a secret in " + basedir.getName() + "/build.log: "
                        + log.substring(start, end < 0 ? log.length() : end));
            }
        }
        File target = new File(basedir, "target");
        if (!target.isDirectory()) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(target.toPath())) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
                if (Files.size(f) > 64L * 1024 * 1024) {
                    continue;
                }
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    if (text.contains(secret)) {
                        throw new AssertionError("a secret in " + f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests with this method whose path ends with {@code suffix}. */
    public List<Map<String, Object>> calls(String method, String suffix) {
        return journal.stream().filter(r -> method.equals(r.get("method"))
                && String.valueOf(r.get("path")).endsWith(suffix)).collect(Collectors.toList());
    }

    /**
     * The function's versions and aliases as the stand-in holds them now ({@code standin-releases/<name>.json}):
     * {@code {"versions": [{"version", "last_modified", "digest", "version_description"}, …] (publishing order),
     * "aliases": [{"name", "version", "additional_version_weights", …}, …]}}; empty lists when there is none.
     */
    public Map<String, Object> releases(String funcName) {
        File f = new File(basedir, FunctionGraphApi.RELEASES_DIR + "/" + funcName + ".json");
        if (!f.isFile()) {
            return Map.of("versions", List.of(), "aliases", List.of());
        }
        return json(FunctionGraphApi.RELEASES_DIR + "/" + funcName + ".json");
    }

    /** The names of the function's versions, in publishing order. */
    @SuppressWarnings("unchecked")
    public List<String> versionNames(String funcName) {
        return ((List<Map<String, Object>>) releases(funcName).get("versions")).stream()
                .map(v -> String.valueOf(v.get("version"))).collect(Collectors.toList());
    }

    /** The function's aliases by name. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> aliases(String funcName) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) releases(funcName).get("aliases")) {
            out.put(String.valueOf(a.get("name")), a);
        }
        return out;
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
