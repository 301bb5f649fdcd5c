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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

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

    private DeployConfig.Builder config(Integer max, Integer perInstance) {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar).outputDirectory(dir.resolve("out"))
                .maxInstances(max).concurrencyPerInstance(perInstance);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> writes() {
        return cloud.requests().stream().filter(r -> r.path().contains("/fgs/functions") && !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
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
