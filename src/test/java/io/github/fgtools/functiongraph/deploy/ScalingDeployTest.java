package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.standin.CloudStandIn;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Scaling (maxInstances, concurrencyPerInstance) against the stand-in: read, compared, only differences written. */
class ScalingDeployTest {
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

    private DeployConfig.Builder config(Integer max, Integer perInstance) {
        return fx.config()
                .maxInstances(max).concurrencyPerInstance(perInstance);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return fx.deploy(b);
    }

    private List<String> writes() {
        return fx.writes("/fgs/functions");
    }

    @Test
    void setsBothThenAnUnchangedRerunSendsOnlyReads() throws Exception {
        DeployResult first = deploy(config(10, 5));
        assertThat(first.action).isEqualTo("created");
        assertThat(first.changes).containsExactly("function created", "maxInstances 400 -> 10",
                "concurrencyPerInstance 1 -> 5");
        JsonNode shown = cloud.functionConfig("fn").path("strategy_config");
        assertThat(shown.path("concurrency").asInt()).isEqualTo(10);
        assertThat(shown.path("concurrent_num").asInt()).isEqualTo(5);
        assertThat(writes()).anyMatch(w -> w.startsWith("PUT ") && w.endsWith(":fn:latest/config-max-instance"));

        cloud.clearRequests();
        DeployResult second = deploy(config(10, 5));
        assertThat(second.action).isEqualTo("unchanged");
        assertThat(second.changes).isEmpty();
        assertThat(writes()).isEmpty();
        assertThat(info).contains("Scaling unchanged");
    }

    @Test
    void onlyWhatDiffersIsWrittenAndTheOtherIsKept() throws Exception {
        deploy(config(10, 5));
        cloud.clearRequests();
        DeployResult r = deploy(config(20, null));
        assertThat(r.action).isEqualTo("updated");
        assertThat(r.changes).containsExactly("maxInstances 10 -> 20");
        assertThat(writes()).hasSize(1).allMatch(w -> w.endsWith("/config-max-instance"));
        assertThat(cloud.functionConfig("fn").path("strategy_config").path("concurrent_num").asInt()).isEqualTo(5);

        cloud.clearRequests();
        r = deploy(config(null, 8));
        assertThat(r.changes).containsExactly("concurrencyPerInstance 5 -> 8");
        assertThat(writes()).hasSize(1).allMatch(w -> w.endsWith(":fn:latest/config"));
        JsonNode shown = cloud.functionConfig("fn").path("strategy_config");
        assertThat(shown.path("concurrency").asInt()).isEqualTo(20);
        assertThat(shown.path("concurrent_num").asInt()).isEqualTo(8);
    }

    @Test
    void disablingNeedsAllowDisable() throws Exception {
        deploy(config(10, null));
        DeployResult r = deploy(config(0, null).allowDisable(true));
        assertThat(r.changes).containsExactly("maxInstances 10 -> 0");
        assertThat(cloud.functionConfig("fn").path("strategy_config").path("concurrency").asInt()).isEqualTo(0);
        assertThat(info).anyMatch(l -> l.contains("the function is disabled"));
    }

    @Test
    void aDryRunWritesTheScalingRequests() throws Exception {
        DeployResult r = deploy(config(-1, 3).dryRun(true));
        assertThat(r.action).isEqualTo("dry-run");
        JsonNode written = Json.MAPPER.readTree(dir.resolve("out/request-scaling.json").toFile());
        assertThat(written).hasSize(2);
        assertThat(written.get(0).path("path").asText()).endsWith(":fn:latest/config-max-instance");
        assertThat(written.get(0).path("body").path("max_instance_num").asInt()).isEqualTo(-1);
        assertThat(written.get(1).path("body").path("strategy_config").path("concurrent_num").asInt()).isEqualTo(3);
        assertThat(cloud.requests()).isEmpty();
    }
}
