package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.TriggerSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.CREATE;
import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.DELETE;
import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.KEEP;
import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.RECREATE;
import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.UNCHANGED;
import static io.github.fgtools.functiongraph.deploy.TriggerReconciler.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/** The decisions alone: identity per type, what the service adds to event_data, what re-creates. */
class TriggerReconcilerTest {
    @TempDir
    Path dir;

    private List<TriggerSpec> specs(TriggerConfig... triggers) throws Exception {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1});
        return DeployConfig.builder().function(FunctionSpec.builder().functionName("f").runtime("Java11")
                .handler("a.B.c").build()).artifactFile(jar).outputDirectory(dir).triggers(Arrays.asList(triggers))
                .build().triggers;
    }

    private static TriggerConfig obs(String prefix, String... events) {
        TriggerConfig t = new TriggerConfig();
        t.type = "OBS";
        t.bucket = "uploads";
        t.prefix = prefix;
        t.events = Arrays.asList(events);
        return t;
    }

    private static TriggerConfig kafka(String json) {
        TriggerConfig t = new TriggerConfig();
        t.type = "KAFKA";
        t.eventData = json;
        return t;
    }

    private static JsonNode cloud(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    private static List<TriggerReconciler.Action> actions(List<TriggerReconciler.Step> steps) {
        return steps.stream().map(s -> s.action).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void obsIdentityIsBucketEventsPrefixAndSuffixWithEventsInAnyOrder() throws Exception {
        JsonNode list = cloud("[{\"trigger_id\":\"1\",\"trigger_type_code\":\"OBS\",\"trigger_status\":\"ACTIVE\","
                + "\"event_data\":{\"bucket\":\"uploads\",\"prefix\":\"in/\",\"events\":[\"s3:ObjectRemoved:Delete\","
                + "\"s3:ObjectCreated:*\"],\"suffix\":\"\"}}]");
        assertThat(actions(TriggerReconciler.plan(specs(obs("in/", "s3:ObjectCreated:*", "s3:ObjectRemoved:Delete")),
                list, false))).containsExactly(UNCHANGED);
        // another prefix is another trigger: created, and the old one kept (or deleted when pruning)
        assertThat(actions(TriggerReconciler.plan(specs(obs("out/", "s3:ObjectCreated:*")), list, false)))
                .containsExactly(CREATE, KEEP);
        assertThat(actions(TriggerReconciler.plan(specs(obs("out/", "s3:ObjectCreated:*")), list, true)))
                .containsExactly(CREATE, DELETE);
    }

    @Test
    void fieldsTheServiceAddsDoNotCountAndAChangedTimeoutReCreates() throws Exception {
        TriggerConfig apig = new TriggerConfig();
        apig.type = "APIG";
        apig.groupId = "g1";
        apig.path = "/hello";
        String cloudApig = "{\"trigger_id\":\"9\",\"trigger_type_code\":\"APIG\",\"trigger_status\":\"ACTIVE\","
                + "\"event_data\":{\"group_id\":\"g1\",\"path\":\"/hello\",\"req_method\":\"ANY\",\"protocol\":"
                + "\"HTTPS\",\"auth\":\"IAM\",\"match_mode\":\"NORMAL\",\"env_id\":\"DEFAULT_ENVIRONMENT_RELEASE_ID\","
                + "\"env_name\":\"RELEASE\",\"type\":1,\"backend_type\":\"FUNCTION\",\"api_id\":\"a\",\"invoke_url\":"
                + "\"https://x/hello\",\"func_info\":{\"function_urn\":\"urn\",\"timeout\":%d}}}";
        assertThat(actions(TriggerReconciler.plan(specs(apig), cloud("[" + String.format(cloudApig, 5000) + "]"),
                false))).containsExactly(UNCHANGED);
        List<TriggerReconciler.Step> steps = TriggerReconciler.plan(specs(apig),
                cloud("[" + String.format(cloudApig, 3000) + "]"), false);
        assertThat(actions(steps)).containsExactly(RECREATE);
        assertThat(steps.get(0).changedFields).containsExactly("func_info");
    }

    @Test
    void otherTypesAreIdentifiedByTheirWholeEventDataAndAStatusIsUpdated() throws Exception {
        String data = "{\"instance_id\":\"i1\",\"topic_ids\":[\"t1\"],\"batch_size\":100}";
        JsonNode list = cloud("[{\"trigger_id\":\"k\",\"trigger_type_code\":\"KAFKA\",\"trigger_status\":\"ACTIVE\","
                + "\"event_data\":" + data + "}]");
        TriggerConfig disabled = kafka(data);
        disabled.status = "DISABLED";
        assertThat(actions(TriggerReconciler.plan(specs(disabled), list, false))).containsExactly(UPDATE);
        assertThat(actions(TriggerReconciler.plan(specs(kafka(data.replace("100", "50"))), list, false)))
                .containsExactly(CREATE, KEEP);
        // the password is never given back: not compared
        assertThat(actions(TriggerReconciler.plan(specs(kafka(data.replace("}", ",\"kafka_password\":\"p\"}"))),
                list, false))).containsExactly(UNCHANGED);
        assertThat(actions(TriggerReconciler.plan(Collections.<TriggerSpec>emptyList(), list, false)))
                .containsExactly(KEEP);
    }
}
