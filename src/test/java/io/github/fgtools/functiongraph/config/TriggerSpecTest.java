package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code <triggers>} rules: every type's bad values refused at once, defaults, named elements over JSON. */
class TriggerSpecTest {
    @TempDir
    Path dir;

    private DeployConfig.Builder config(TriggerConfig... triggers) throws Exception {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1});
        return DeployConfig.builder().function(FunctionSpec.builder().functionName("hello").runtime("Java11")
                .handler("com.example.H.handle").build()).artifactFile(jar).outputDirectory(dir.resolve("out"))
                .triggers(Arrays.asList(triggers));
    }

    static TriggerConfig timer(String name, String kind, String schedule) {
        TriggerConfig t = new TriggerConfig();
        t.type = "TIMER";
        t.name = name;
        t.scheduleType = kind;
        t.schedule = schedule;
        return t;
    }

    static TriggerConfig apig(String path, String method) {
        TriggerConfig t = new TriggerConfig();
        t.type = "APIG";
        t.groupId = "g1";
        t.path = path;
        t.method = method;
        t.auth = "NONE";
        return t;
    }

    @Test
    void everyBadValueIsListedAtOnce() throws Exception {
        TriggerConfig badTimer = timer("1bad", "Rate", "61m");
        TriggerConfig badCron = timer("ok", "Cron", "0 2 * * ?");
        TriggerConfig badApig = apig("hello", "FETCH");
        badApig.protocol = "FTP";
        badApig.auth = "KEY";
        badApig.matchMode = "PREFIX";
        badApig.timeoutMillis = 60001;
        badApig.status = "DISABLED";
        TriggerConfig badObs = new TriggerConfig();
        badObs.type = "OBS";
        badObs.bucket = "uploads";
        badObs.events = Collections.singletonList("s3:ObjectTouched");
        TriggerConfig badKafka = new TriggerConfig();
        badKafka.type = "KAFKA";
        badKafka.eventData = "[1, 2]";
        TriggerConfig unknown = new TriggerConfig();
        unknown.type = "PIGEON";
        String message = Words.thrown(() -> config(badTimer, badCron, badApig, badObs, badKafka, unknown).build());
        assertThat(message).contains("<triggers>")
                .contains("trigger 1 (TIMER): <name>", "trigger 1 (TIMER): <schedule> is a Rate: 1m–60m")
                .contains("trigger 2 (TIMER): <schedule> is a Cron expression with seconds")
                .contains("trigger 3 (APIG): <path>", "'FETCH'", "'FTP'", "'KEY'", "'PREFIX'",
                        "<timeoutMillis> is 1–60000", "only [TIMER, DDS, LTS, KAFKA] triggers can be DISABLED")
                .contains("trigger 4 (OBS): an <event> is one of")
                .contains("trigger 5 (KAFKA): <eventData> must be a JSON object")
                .contains("trigger 6: <type> must be one of");
    }

    @Test
    void ratesAndCronsAtTheirBounds() {
        assertThat(TriggerSpec.rateProblem("1m")).isNull();
        assertThat(TriggerSpec.rateProblem("60m")).isNull();
        assertThat(TriggerSpec.rateProblem("24h")).isNull();
        assertThat(TriggerSpec.rateProblem("30d")).isNull();
        assertThat(TriggerSpec.rateProblem("0m")).isNotNull();
        assertThat(TriggerSpec.rateProblem("25h")).isNotNull();
        assertThat(TriggerSpec.rateProblem("31d")).isNotNull();
        assertThat(TriggerSpec.rateProblem("5s")).isNotNull();
        assertThat(TriggerSpec.cronOk("0 15 2 * * ?")).isTrue();
        assertThat(TriggerSpec.cronOk("@every 1h30m")).isTrue();
        assertThat(TriggerSpec.cronOk("@every")).isFalse();
        assertThat(TriggerSpec.cronOk("15 2 * * ?")).isFalse();
    }

    @Test
    void apigDefaultsAndNamedElementsWinOverEventData() throws Exception {
        TriggerConfig a = apig("/hello", null);
        a.auth = null;
        TriggerConfig k = new TriggerConfig();
        k.type = "KAFKA";
        k.status = "DISABLED";
        k.eventData = "{\"instance_id\": \"i1\", \"topic_ids\": [\"t1\"], \"batch_size\": 100}";
        TriggerConfig obs = new TriggerConfig();
        obs.type = "OBS";
        obs.eventData = "{\"bucket\": \"from-json\", \"events\": [\"s3:ObjectCreated:*\"]}";
        obs.bucket = "from-element";
        DeployConfig c = config(a, k, obs).build();
        assertThat(c.triggers.get(0).eventData().toString()).isEqualTo("{\"group_id\":\"g1\",\"path\":\"/hello\","
                + "\"env_id\":\"DEFAULT_ENVIRONMENT_RELEASE_ID\",\"env_name\":\"RELEASE\",\"req_method\":\"ANY\","
                + "\"protocol\":\"HTTPS\",\"auth\":\"IAM\",\"match_mode\":\"NORMAL\",\"type\":1,"
                + "\"func_info\":{\"timeout\":5000},\"backend_type\":\"FUNCTION\"}");
        assertThat(c.triggers.get(0).status).isEqualTo("ACTIVE");
        assertThat(c.triggers.get(1).status).isEqualTo("DISABLED");
        assertThat(c.triggers.get(2).eventData().path("bucket").asText()).isEqualTo("from-element");
        assertThat(c.triggerQualifier).isEqualTo("latest");
        assertThat(config().alias("prod").build().triggerQualifier).isEqualTo("prod");
        assertThat(config().alias("prod").triggerQualifier("latest").build().triggerQualifier).isEqualTo("latest");
    }

    @Test
    void twoTriggersWithOneIdentityAreRefused() throws Exception {
        String message = Words.thrown(() -> config(timer("nightly", "Rate", "1h"), timer("nightly", "Rate", "2h"))
                .build());
        assertThat(message).contains("trigger 2 has the identity of an earlier one (name)");
    }
}
