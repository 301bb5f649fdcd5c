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

/** Trigger reconciliation against the stand-in: identity, what is created, updated, re-created, kept or pruned. */
class TriggerDeployTest {
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

    static TriggerConfig timer(String name, String schedule) {
        TriggerConfig t = new TriggerConfig();
        t.type = "TIMER";
        t.name = name;
        t.scheduleType = "Rate";
        t.schedule = schedule;
        t.userEvent = "{\"job\":\"cleanup\"}";
        return t;
    }

    static TriggerConfig apig() {
        TriggerConfig t = new TriggerConfig();
        t.type = "APIG";
        t.groupId = "g1";
        t.path = "/hello";
        t.method = "GET";
        t.auth = "NONE";
        return t;
    }

    private DeployConfig.Builder config(TriggerConfig... triggers) {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar).outputDirectory(dir.resolve("out"))
                .triggers(Arrays.asList(triggers));
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> triggerWrites() {
        return cloud.requests().stream().filter(r -> r.path().contains("/fgs/triggers/") && !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Test
    void createsTimerAndApigThenARerunSendsNoTriggerWrite() throws Exception {
        DeployResult first = deploy(config(timer("nightly", "1h"), apig()));
        assertThat(first.action).isEqualTo("created");
        assertThat(first.changes).contains("trigger TIMER nightly created", "trigger APIG GET /hello created");
        assertThat(first.triggers).extracting(t -> t.get("action")).containsExactly("created", "created");
        String url = (String) first.triggers.get(1).get("invokeUrl");
        assertThat(url).startsWith("https://").endsWith("/hello");
        assertThat(info).contains("Endpoint: " + url);
        JsonNode written = Json.MAPPER.readTree(dir.resolve("out/deploy-result.json").toFile());
        assertThat(written.path("triggers").get(1).path("invokeUrl").asText()).isEqualTo(url);
        assertThat(written.path("triggers").get(0).path("type").asText()).isEqualTo("TIMER");
        assertThat(cloud.triggers("fn", "latest")).hasSize(2);

        cloud.clearRequests();
        DeployResult second = deploy(config(timer("nightly", "1h"), apig()));
        assertThat(second.action).isEqualTo("unchanged");
        assertThat(triggerWrites()).isEmpty();
        assertThat(second.triggers).extracting(t -> t.get("action")).containsExactly("unchanged", "unchanged");
        assertThat(second.triggers.get(1).get("invokeUrl")).isEqualTo(url);
    }

    @Test
    void aChangedScheduleReCreatesOnlyThatTriggerAndAStatusIsUpdatedInPlace() throws Exception {
        deploy(config(timer("nightly", "1h"), timer("hourly", "1h"), apig()));
        String apigId = cloud.triggers("fn", "latest").get(2).path("trigger_id").asText();
        cloud.clearRequests();
        TriggerConfig disabled = timer("hourly", "1h");
        disabled.status = "DISABLED";
        DeployResult r = deploy(config(timer("nightly", "2h"), disabled, apig()));
        assertThat(r.action).isEqualTo("updated");
        assertThat(r.changes).containsExactly(
                "trigger TIMER nightly re-created (schedule changed: the API cannot update it)",
                "trigger TIMER hourly status updated to DISABLED");
        assertThat(triggerWrites()).hasSize(3).satisfies(w -> {
            assertThat(w.get(0)).startsWith("DELETE ").contains("/TIMER/");
            assertThat(w.get(1)).startsWith("POST ");
            assertThat(w.get(2)).startsWith("PUT ").contains("/TIMER/");
        });
        assertThat(info).anyMatch(l -> l.contains("Re-creating trigger TIMER nightly: schedule changed"));
        List<JsonNode> now = cloud.triggers("fn", "latest");
        assertThat(now).extracting(t -> t.path("event_data").path("schedule").asText()).contains("2h");
        assertThat(now).extracting(t -> t.path("trigger_id").asText()).contains(apigId);
    }

    @Test
    void anUnnamedTriggerIsKeptAndListedThenPrunedWhenAsked() throws Exception {
        deploy(config(timer("nightly", "1h")));
        cloud.createTrigger("fn", "latest", Json.MAPPER.readTree("{\"trigger_type_code\":\"TIMER\","
                + "\"trigger_status\":\"ACTIVE\",\"event_data\":{\"name\":\"console\",\"schedule_type\":\"Rate\","
                + "\"schedule\":\"5m\"}}"));
        info.clear();
        cloud.clearRequests();
        DeployResult kept = deploy(config(timer("nightly", "1h")));
        assertThat(kept.action).isEqualTo("unchanged");
        assertThat(triggerWrites()).isEmpty();
        assertThat(kept.triggers).extracting(t -> t.get("action")).containsExactly("unchanged", "kept");
        assertThat(info).anyMatch(l -> l.startsWith("Kept 1 trigger the POM does not name: TIMER console"));

        DeployResult pruned = deploy(config(timer("nightly", "1h")).pruneTriggers(true));
        assertThat(pruned.changes).containsExactly("trigger TIMER console deleted");
        assertThat(cloud.triggers("fn", "latest")).hasSize(1);
    }

    @Test
    void deleteSaysHowManyTriggersGoWithTheFunction() throws Exception {
        deploy(config(timer("nightly", "1h"), apig()));
        new io.github.fgtools.functiongraph.invoke.DeleteService(listener).delete(
                io.github.fgtools.functiongraph.config.FunctionTarget.builder().functionName("fn")
                        .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                                .projectId(CloudStandIn.PROJECT_ID)).build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
        assertThat(info).anyMatch(l -> l.startsWith("Deleted ") && l.endsWith("and with it 2 triggers of latest)"));
        assertThat(cloud.functionConfig("fn")).isNull();
    }

    @Test
    void triggersFollowTheAlias() throws Exception {
        deploy(config(timer("nightly", "1h")).alias("prod"));
        assertThat(cloud.triggers("fn", "!prod")).hasSize(1);
        assertThat(cloud.triggers("fn", "latest")).isEmpty();
    }

    @Test
    void aFailurePartWaySaysWhichTriggersAreAlreadyCreated() throws Exception {
        TriggerConfig kafka = new TriggerConfig();
        kafka.type = "KAFKA";
        kafka.eventData = "{\"instance_id\": \"i1\", \"batch_size\": 100}"; // the service wants topic_ids
        String message = Words.thrown(() -> deploy(config(timer("a", "1h"), timer("b", "1h"), kafka,
                timer("d", "1h"))));
        assertThat(message).contains("topic_ids").contains("already changed in the cloud: function created, "
                + "trigger TIMER a created, trigger TIMER b created; nothing after that");
        JsonNode written = Json.MAPPER.readTree(dir.resolve("out/deploy-result.json").toFile());
        assertThat(written.path("action").asText()).isEqualTo("failed");
        assertThat(written.path("triggers")).hasSize(2);
        assertThat(cloud.triggers("fn", "latest")).hasSize(2);
    }

    @Test
    void aDryRunWritesTheTriggerRequests() throws Exception {
        DeployResult r = deploy(config(timer("nightly", "1h"), apig()).dryRun(true));
        assertThat(r.action).isEqualTo("dry-run");
        JsonNode requests = Json.MAPPER.readTree(dir.resolve("out/request-triggers.json").toFile());
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path("trigger_type_code").asText()).isEqualTo("TIMER");
        assertThat(requests.get(1).path("event_data").path("func_info").path("timeout").asInt()).isEqualTo(5000);
        assertThat(cloud.requests()).isEmpty();
    }
}
