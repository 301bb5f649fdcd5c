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

/** Reserved instances against the stand-in: on the alias or latest, read back and compared. */
class ReservedInstancesDeployTest {
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

    private DeployConfig.Builder config(Integer count, Boolean idle) {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar).outputDirectory(dir.resolve("out"))
                .reservedInstances(count).reservedIdleMode(idle);
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> reservedWrites() {
        return cloud.requests().stream().filter(r -> r.path().contains("reservedinstances")
                && !r.method().equals("GET")).map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
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
