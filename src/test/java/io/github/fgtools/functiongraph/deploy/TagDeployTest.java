package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.standin.CloudStandIn;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private StandInDeploys fx;
    private CloudStandIn cloud;
    private List<String> info;

    @BeforeEach
    void start() throws Exception {
        fx = StandInDeploys.start(dir);
        cloud = fx.cloud;
        info = fx.info;
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private DeployConfig.Builder config(String... kv) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            tags.put(kv[i], kv[i + 1]);
        }
        return fx.config()
                .tags(tags);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return fx.deploy(b);
    }

    private List<String> tagWrites() {
        return fx.writes("/tags");
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
