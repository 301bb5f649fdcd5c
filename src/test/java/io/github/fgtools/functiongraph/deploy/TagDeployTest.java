package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.standin.CloudStandIn;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags against the stand-in: the POM's added or changed, the others kept, an unchanged rerun only reads. */
class TagDeployTest {
    @TempDir
    Path dir;

    private CloudStandIn cloud;
    private Path jar;
    private final List<String> info = Collections.synchronizedList(new ArrayList<>());
    private final Reporter listener = new Reporter() {
        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    @BeforeEach
    void start() throws Exception {
        cloud = CloudStandIn.start(dir.resolve("cloud"));
        jar = dir.resolve("fn.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("com/example/Handler.class"));
            j.write(1);
            j.closeEntry();
        }
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private DeployConfig.Builder config(String... kv) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            tags.put(kv[i], kv[i + 1]);
        }
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar).outputDirectory(dir.resolve("out"))
                .tags(tags);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> tagWrites() {
        return cloud.requests().stream().filter(r -> r.path().contains("/tags") && !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Test
    void addsThenAnUnchangedRerunOnlyReads() throws Exception {
        DeployResult first = deploy(config("team", "payments", "env", "prod"));
        assertThat(first.changes).containsExactly("function created", "tag env=prod added", "tag team=payments added");
        assertThat(cloud.functionTags("fn")).containsOnly(Map.entry("team", "payments"), Map.entry("env", "prod"));
        String id = cloud.functionConfig("fn").path("func_id").asText();
        assertThat(tagWrites()).containsExactly("POST /v2/" + CloudStandIn.PROJECT_ID + "/functions/" + id
                + "/tags/create");

        cloud.clearRequests();
        DeployResult second = deploy(config("team", "payments", "env", "prod"));
        assertThat(second.action).isEqualTo("unchanged");
        assertThat(tagWrites()).isEmpty();
        assertThat(info).anyMatch(l -> l.startsWith("Tags unchanged"));
    }

    @Test
    void changesOnlyWhatDiffersAndKeepsTheTagsThePomDoesNotName() throws Exception {
        deploy(config("team", "payments"));
        cloud.putFunctionTags("fn", Map.of("owner", "ops"));
        cloud.clearRequests();
        DeployResult r = deploy(config("team", "billing"));
        assertThat(r.action).isEqualTo("updated");
        assertThat(r.changes).containsExactly("tag team payments -> billing");
        assertThat(cloud.functionTags("fn")).containsOnly(Map.entry("team", "billing"), Map.entry("owner", "ops"));
        JsonNode sent = cloud.requests().stream().filter(q -> q.method().equals("POST")
                && q.path().endsWith("/tags/create")).findFirst().get().body();
        assertThat(sent.path("tags")).hasSize(1);
        assertThat(sent.path("action").asText()).isEqualTo("create");
    }

    @Test
    void aDryRunWritesTheTagRequest() throws Exception {
        deploy(config("team", "payments").dryRun(true));
        JsonNode written = Json.MAPPER.readTree(dir.resolve("out/request-tags.json").toFile());
        assertThat(written.get(0).path("path").asText()).endsWith("/functions/{func_id}/tags/create");
        assertThat(written.get(0).path("body").path("tags").get(0).path("key").asText()).isEqualTo("team");
        assertThat(cloud.requests()).isEmpty();
    }
}
