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

/** Reserved instances against the stand-in: on the alias or latest, read back and compared. */
class ReservedInstancesDeployTest {
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

    private DeployConfig.Builder config(Integer count, Boolean idle) {
        return fx.config()
                .reservedInstances(count).reservedIdleMode(idle);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return fx.deploy(b);
    }

    private List<String> reservedWrites() {
        return fx.writes("reservedinstances");
    }

    @Test
    void onLatestThenAnUnchangedRerunOnlyReads() throws Exception {
        DeployResult first = deploy(config(2, true));
        assertThat(first.changes).contains("reservedInstances on latest 0 -> 2, idle mode false -> true");
        assertThat(reservedWrites()).singleElement().asString().endsWith(":fn:latest/reservedinstances");
        cloud.clearRequests();
        DeployResult second = deploy(config(2, true));
        assertThat(second.action).isEqualTo("unchanged");
        assertThat(reservedWrites()).isEmpty();
        assertThat(cloud.requests()).anyMatch(r -> r.path().endsWith("/reservedinstanceconfigs"));
        DeployResult third = deploy(config(3, null));
        assertThat(third.changes).containsExactly("reservedInstances on latest 2 -> 3");
    }

    @Test
    void onTheAliasWhenOneIsSet() throws Exception {
        DeployResult r = deploy(config(1, null).alias("prod"));
        assertThat(r.changes).contains("reservedInstances on prod 0 -> 1");
        assertThat(reservedWrites()).singleElement().asString().endsWith(":fn:!prod/reservedinstances");
        cloud.clearRequests();
        deploy(config(1, null).alias("prod"));
        assertThat(reservedWrites()).isEmpty();
    }

    @Test
    void aDryRunWritesTheRequest() throws Exception {
        deploy(config(2, null).dryRun(true));
        JsonNode written = Json.MAPPER.readTree(dir.resolve("out/request-reserved-instances.json").toFile());
        assertThat(written.get(0).path("path").asText()).endsWith(":fn:latest/reservedinstances");
        assertThat(written.get(0).path("body").path("count").asInt()).isEqualTo(2);
        assertThat(cloud.requests()).isEmpty();
    }
}
