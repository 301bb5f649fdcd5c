package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.ProxySettings;
import io.github.fgtools.functiongraph.client.model.LogConfig;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.proxy.ForwardProxy;
import io.github.fgtools.functiongraph.standin.CloudStandIn;
import io.github.fgtools.functiongraph.standin.Fault;
import io.github.fgtools.functiongraph.standin.RecordedRequest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy core against the loopback stand-in: the flow, and every fault the network and the API throw at it. */
class DeployServiceTest {
    @TempDir
    Path dir;

    private CloudStandIn cloud;
    private final List<String> info = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Reporter listener = new Reporter() {
        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void error(String message) {
            warnings.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };

    @BeforeEach
    void start() {
        cloud = CloudStandIn.start(dir.resolve("cloud"));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private Path jar(String content) throws Exception {
        Path jar = dir.resolve("fn-" + content.hashCode() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            JarEntry e = new JarEntry("com/example/Handler.class");
            e.setTime(0);
            j.putNextEntry(e);
            j.write(content.getBytes("UTF-8"));
            j.closeEntry();
        }
        return jar;
    }

    private DeployConfig.Builder config(String name, Path jar) {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName(name).runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(3)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar)
                .outputDirectory(dir.resolve("out-" + name));
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> calls() {
        return cloud.requests().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Test
    void createsThenUpdatesThenReportsUnchanged() throws Exception {
        Path jar = jar("v1");
        assertThat(deploy(config("fn", jar)).action).isEqualTo("created");
        assertThat(deploy(config("fn", jar)).action).isEqualTo("unchanged");
        cloud.clearRequests();
        DeployResult changed = deploy(config("fn", jar("v2")));
        assertThat(changed.action).isEqualTo("updated");
        assertThat(changed.changes).containsExactly("code updated");
        assertThat(calls()).filteredOn(c -> !c.startsWith("GET")).hasSize(1).first().asString().endsWith("/code");
    }

    @Test
    void retriesTwo503sWithAWarningEach() throws Exception {
        cloud.enqueueFault("POST", ".*/fgs/functions", Fault.status(503, "{\"error_code\":\"FSS.0500\",\"error_msg\":\"busy\"}"));
        cloud.enqueueFault("POST", ".*/fgs/functions", Fault.status(503, "{\"error_code\":\"FSS.0500\",\"error_msg\":\"busy\"}"));
        assertThat(deploy(config("fn", jar("a"))).action).isEqualTo("created");
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("503", "retry"));
        assertThat(cloud.functionConfig("fn")).isNotNull();
    }

    @Test
    void honoursRetryAfter() throws Exception {
        cloud.enqueueFault("GET", ".*/config", Fault.throttled(1));
        deploy(config("fn", jar("a")));
        assertThat(warnings).singleElement().asString().contains("429", "in 1.0 s");
    }

    @Test
    void aCreateWhoseAnswerIsLostIsCheckedNotSentTwice() throws Exception {
        cloud.enqueueFault("POST", ".*/fgs/functions", Fault.dropAfterHandling());
        assertThat(deploy(config("fn", jar("a"))).action).isEqualTo("created");
        assertThat(calls()).filteredOn(c -> c.startsWith("POST")).hasSize(1);
    }

    @Test
    void aDroppedConnectionOnARetryableCallIsRetried() throws Exception {
        cloud.enqueueFault("GET", ".*/config", Fault.drop());
        assertThat(deploy(config("fn", jar("a"))).action).isEqualTo("created");
        assertThat(warnings).singleElement().asString().contains("connection dropped");
    }

    @Test
    void aHangFailsWithinTheReadTimeoutNamingTheParameter() throws Exception {
        cloud.enqueueFault("GET", ".*/config", Fault.hang());
        long start = System.nanoTime();
        assertThatThrownBy(() -> deploy(config("fn", jar("a")))).isInstanceOf(FunctionGraphException.class)
                .satisfies(e -> assertThat(Words.render(e.getMessage())).contains("within 2 s",
                        "<readTimeout> (functiongraph.readTimeout)", "nothing was changed in the cloud"));
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
    }

    @Test
    void a401ExplainsKeysAndClock() throws Exception {
        DeployConfig c = config("fn", jar("a")).build();
        assertThat(Words.thrown(() -> new DeployService(listener).deploy(c,
                () -> Credentials.akSk(CloudStandIn.AK, "wrong-secret-key-value", null, "test"))))
                .contains("FunctionGraph 401 APIG.0301")
                .contains("clock").contains("UTC time sent was")
                .doesNotContain("wrong-secret-key-value");
    }

    @Test
    void a403NamesThePermissionTheApiNames() throws Exception {
        cloud.enqueueFault("POST", ".*/fgs/functions", Fault.status(403,
                "{\"error_code\":\"FSS.0403\",\"error_msg\":\"Policy doesn't allow functiongraph:function:create\"}"));
        assertThat(Words.thrown(() -> deploy(config("fn", jar("a")))))
                .contains("FunctionGraph 403 FSS.0403: Policy doesn't allow functiongraph:function:create")
                .contains("POST /v2/" + CloudStandIn.PROJECT_ID + "/fgs/functions");
    }

    @Test
    void anHtmlPageFromAProxyIsNamedAsSuch() throws Exception {
        cloud.enqueueFault("GET", ".*/config", Fault.status(400, "<html><body><h1>Access denied by proxy</h1></body></html>"));
        assertThat(Words.thrown(() -> deploy(config("fn", jar("a")))))
                .contains("Access denied by proxy").contains("HTML page");
    }

    @Test
    void aMalformedJsonBodyIsReported() throws Exception {
        cloud.enqueueFault("GET", ".*/config", Fault.status(200, "{\"func_urn\": "));
        assertThat(Words.thrown(() -> deploy(config("fn", jar("a"))))).contains("not a JSON object");
    }

    @Test
    void aPartialDeploySaysWhatChanged() throws Exception {
        deploy(config("fn", jar("a")));
        cloud.enqueueFault("PUT", ".*/config", Fault.status(400, "{\"error_code\":\"FSS.0400\",\"error_msg\":\"bad config\"}"));
        DeployConfig.Builder b = config("fn", jar("b"));
        b.function(FunctionSpec.builder().functionName("fn").runtime("Java11").handler("com.example.Handler.handle")
                .memorySize(512).build());
        assertThat(Words.thrown(() -> deploy(b))).contains("FSS.0400: bad config")
                .contains("already changed in the cloud: code updated");
        String result = new String(Files.readAllBytes(dir.resolve("out-fn/deploy-result.json")), "UTF-8");
        assertThat(result).contains("\"failed\"").contains("code updated")
                .contains("\"functionUrn\" : \"urn:fss:cn-north-4:" + CloudStandIn.PROJECT_ID + ":function:default:fn:latest\"");
    }

    @Test
    void throughAnAuthenticatingProxy() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start("proxy-user", "proxy-pass")) {
            DeployConfig.Builder b = config("fn", jar("a"));
            b.cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                    .obsEndpoint(cloud.baseUrl()).proxies((scheme, host, port) -> new ProxySettings("http",
                            "127.0.0.1", proxy.port(), "proxy-user", "proxy-pass")));
            assertThat(deploy(b).action).isEqualTo("created");
            // every call (IAM lookup, config read, create) went through the proxy, after one 407 challenge
            assertThat(proxy.forwarded()).hasSize(cloud.requests().size()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(proxy.refused()).isNotEmpty();
            assertThat(cloud.requests()).extracting(RecordedRequest::status).containsExactly(200, 404, 200);
        }
    }

    @Test
    void theProxyIsChosenPerTargetHostAndDirectWhenNoneIsChosen() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start(null, null)) {
            List<String> asked = Collections.synchronizedList(new ArrayList<>());
            DeployConfig.Builder b = config("fn", jar("a"));
            b.cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                    .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID)
                    .proxies((scheme, host, port) -> {
                        asked.add(scheme + "://" + host + ":" + port);
                        return null;
                    }));
            deploy(b);
            assertThat(proxy.forwarded()).isEmpty();
            assertThat(asked).isNotEmpty().allSatisfy(target -> assertThat(cloud.baseUrl()).isEqualTo(target));
        }
    }

    @Test
    void offlineFailsBeforeAnyCall() throws Exception {
        DeployConfig.Builder b = config("fn", jar("a"));
        b.cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).offline(true));
        assertThatThrownBy(() -> deploy(b)).isInstanceOf(CloudSession.OfflineException.class)
                .hasMessageContaining(cloud.baseUrl());
        assertThat(cloud.requests()).isEmpty();
    }

    @Test
    void aRefusedConnectionNamesTheEndpointAndItsParameter() throws Exception {
        DeployConfig.Builder b = config("fn", jar("a"));
        b.cloud(CloudConfig.builder().endpoint("http://127.0.0.1:1").projectId("p").retries(1));
        assertThat(Words.thrown(() -> deploy(b))).contains("Cannot reach FunctionGraph at http://127.0.0.1:1")
                .contains("<endpoint> (functiongraph.endpoint)");
        assertThat(warnings).hasSize(1);
    }

    @Test
    void obsUploadThenSkipWhenTheObjectIsThere() throws Exception {
        Path jar = jar("obs");
        DeployResult first = deploy(config("fn", jar).obsBucket("fg-code").obsObjectKey("code/shared.jar"));
        assertThat(first.codeType).isEqualTo("obs");
        assertThat(calls()).filteredOn(c -> c.startsWith("PUT /fg-code/")).containsExactly("PUT /fg-code/code/shared.jar");
        cloud.clearRequests();
        assertThat(deploy(config("fn2", jar).obsBucket("fg-code").obsObjectKey("code/shared.jar")).action)
                .isEqualTo("created");
        assertThat(calls()).contains("HEAD /fg-code/code/shared.jar").noneMatch(c -> c.startsWith("PUT /fg-code/"));
        assertThat(info).anySatisfy(i -> assertThat(i).contains("not uploaded again"));
    }

    @Test
    void theVersionLimitGivesTheFix() throws Exception {
        Path jar = jar("versions");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            DeployResult r = deploy(describedAs(config("fn", jar), "v" + i).publishVersion(true));
            assertThat(r.version).matches("v\\d{8}-\\d{6}(-\\d+)?").isNotIn(names);
            names.add(r.version);
        }
        assertThat(Words.thrown(() -> deploy(describedAs(config("fn", jar), "v20").publishVersion(true))))
                .contains("at most 20 versions per function").contains("delete versions")
                .contains("Set <keepVersions> (functiongraph.keepVersions)")
                .contains("already changed in the cloud: configuration updated");
    }

    @Test
    void publishingWithNothingChangedReusesTheNewestVersion() throws Exception {
        Path jar = jar("same");
        String first = deploy(config("fn", jar).publishVersion(true)).version;
        assertThat(first).matches("v\\d{8}-\\d{6}");
        cloud.clearRequests();
        DeployResult again = deploy(config("fn", jar).publishVersion(true));
        assertThat(again.version).isEqualTo(first);
        assertThat(again.action).isEqualTo("unchanged");
        assertThat(calls()).allMatch(c -> c.startsWith("GET"));
    }

    private static DeployConfig.Builder describedAs(DeployConfig.Builder b, String description) {
        return b.function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                .handler("com.example.Handler.handle").description(description).build());
    }

    @Test
    void anIamTokenAndTemporaryKeysAreAcceptedToo() throws Exception {
        DeployConfig token = config("with-token", jar("t")).cloud(CloudConfig.builder().endpoint(cloud.baseUrl())
                .iamEndpoint(cloud.baseUrl()).obsEndpoint(cloud.baseUrl())).build();
        assertThat(new DeployService(listener).deploy(token,
                () -> Credentials.token(CloudStandIn.AUTH_TOKEN, "test")).action).isEqualTo("created");
        DeployConfig temporary = config("with-temp-keys", jar("t")).obsBucket("fg-code").build();
        assertThat(new DeployService(listener).deploy(temporary, () -> Credentials.akSk(CloudStandIn.TEMP_AK,
                CloudStandIn.TEMP_SK, CloudStandIn.SECURITY_TOKEN, "test")).action).isEqualTo("created");
        assertThat(cloud.requests()).allSatisfy(r -> assertThat(r.authFailure()).isNull());
    }

    @Test
    void aFunctionCreatedElsewhereMeanwhileIsUpdatedInstead() throws Exception {
        deploy(config("fn", jar("mine")));
        cloud.enqueueFault("GET", ".*/config", Fault.status(404,
                "{\"error_code\":\"FSS.1051\",\"error_msg\":\"Not found the function\"}"));
        DeployResult r = deploy(config("fn", jar("theirs")));
        assertThat(r.action).isEqualTo("updated");
        assertThat(r.changes).containsExactly("code updated");
        assertThat(warnings).singleElement().asString().contains("created elsewhere meanwhile");
    }

    @Test
    void anAliasCreatedElsewhereMeanwhileIsMovedInstead() throws Exception {
        String first = deploy(describedAs(config("fn", jar("a")), "one").alias("prod")).version;
        cloud.enqueueFault("GET", ".*/aliases/prod", Fault.status(404,
                "{\"error_code\":\"FSS.1053\",\"error_msg\":\"Not found the alias\"}"));
        DeployResult r = deploy(describedAs(config("fn", jar("a")), "two").alias("prod"));
        assertThat(r.version).isNotEqualTo(first).isEqualTo(cloud.functionVersions("default", "fn").get(1));
        assertThat(r.changes).contains("alias prod moved wholly to version " + r.version);
        assertThat(warnings).singleElement().asString().contains("Alias prod was created elsewhere");
    }

    @Test
    void aRegionWithSeveralOrNoProjectsIsExplained() throws Exception {
        cloud.setProjects("cn-north-4", java.util.Arrays.asList("p1", "p2"));
        DeployConfig.Builder b = config("fn", jar("a"));
        b.cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl()));
        assertThat(Words.thrown(() -> deploy(b))).contains("IAM found 2 projects (p1, p2) named 'cn-north-4'")
                .contains("<projectId> (functiongraph.projectId)");
        cloud.setProjects("cn-north-4", Collections.emptyList());
        assertThat(Words.thrown(() -> deploy(b))).contains("IAM found no project named 'cn-north-4'");
        assertThat(calls()).noneMatch(c -> c.contains("/fgs/"));
    }

    // ------------------------------------------------------------------ updates as the service answers them

    private static FunctionSpec.Builder fn() {
        return FunctionSpec.builder().functionName("fn").runtime("Java11").handler("com.example.Handler.handle");
    }

    private List<RecordedRequest> writes() {
        return cloud.requests().stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"))
                .collect(Collectors.toList());
    }

    /** Defect 1: the service shows the LTS binding as log_group_id/log_stream_id, never as log_config. */
    @Test
    void aLogConfigRedeployedIsUnchangedAndPublishesNothing() throws Exception {
        LogConfig log = new LogConfig();
        log.groupId = "lg-1";
        log.groupName = "fn-logs";
        log.streamId = "ls-1";
        log.streamName = "fn-stream";
        Path jar = jar("logs");
        String first = deploy(config("fn", jar).function(fn().logConfig(log).build()).alias("prod")).version;
        assertThat(cloud.functionConfig("fn").get("log_group_id").asText()).isEqualTo("lg-1");
        cloud.clearRequests();
        DeployResult again = deploy(config("fn", jar).function(fn().logConfig(log).build()).alias("prod"));
        assertThat(again.action).isEqualTo("unchanged");
        assertThat(again.version).isEqualTo(first);
        assertThat(cloud.functionVersions("default", "fn")).containsExactly(first);
        assertThat(writes()).isEmpty();
        assertThat(info).contains("Configuration unchanged");
    }

    /** Defect 2: lts_custom_tag is taken by CreateFunction only; on an existing function, a warning says so. */
    @Test
    void ltsCustomTagsGoWithTheCreateAndAreAWarningAfterwards() throws Exception {
        Path jar = jar("tags");
        DeployConfig.Builder tagged = config("fn", jar).function(fn()
                .ltsCustomTags(Collections.singletonMap("team", "orders")).build());
        deploy(tagged);
        assertThat(cloud.requests().stream().filter(r -> r.method().equals("POST")).findFirst().get()
                .bodyAt("/lts_custom_tag/team").asText()).isEqualTo("orders");
        assertThat(warnings).isEmpty();
        cloud.clearRequests();
        assertThat(deploy(tagged).action).isEqualTo("unchanged");
        assertThat(writes()).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(Words.render(w))
                .contains("<ltsCustomTags> is applied when a function is created, not to the existing fn")
                .contains("UpdateFunctionConfig takes no lts_custom_tag"));
    }

    /** Defect 3: depend_version_list goes in UpdateFunctionCode only, so a change alone re-sends the code with it. */
    @Test
    void aDependencyChangeAloneReachesTheFunction() throws Exception {
        Path jar = jar("deps");
        deploy(config("fn", jar).function(fn().dependVersions(Collections.singletonList("dep-1")).build()));
        cloud.clearRequests();
        DeployResult r = deploy(config("fn", jar).function(fn().dependVersions(java.util.Arrays.asList("dep-1",
                "dep-2")).build()));
        assertThat(r.action).isEqualTo("updated");
        assertThat(r.changes).containsExactly("dependencies updated");
        assertThat(writes()).singleElement().satisfies(w -> {
            assertThat(w.path()).endsWith("/code");
            assertThat(w.bodyAt("/depend_version_list").toString()).isEqualTo("[\"dep-1\",\"dep-2\"]");
        });
        assertThat(cloud.functionConfig("fn").get("depend_version_list").toString())
                .isEqualTo("[\"dep-1\",\"dep-2\"]");
        cloud.clearRequests();
        assertThat(deploy(config("fn", jar).function(fn().dependVersions(java.util.Arrays.asList("dep-2", "dep-1"))
                .build())).action).isEqualTo("unchanged");
        DeployResult code = deploy(config("fn", jar("deps-2")));
        assertThat(code.changes).containsExactly("code updated");
        assertThat(cloud.functionConfig("fn").get("depend_version_list").toString()).as("kept: the POM names none")
                .isEqualTo("[\"dep-1\",\"dep-2\"]");
    }

    /** The settings CreateFunction does not take follow it in an UpdateFunctionConfig, then compare as unchanged. */
    @Test
    void settingsOnlyTheConfigUpdateTakesAreSetAfterTheCreateAndThenCompared() throws Exception {
        Path jar = jar("after-create");
        FunctionSpec spec = fn().ephemeralStorage(2048).enableClassIsolation(true)
                .heartbeatHandler("com.example.Handler.beat").enableAuthInHeader(true).build();
        DeployResult created = deploy(config("fn", jar).function(spec));
        assertThat(created.changes).containsExactly("function created", "configuration updated");
        assertThat(calls()).filteredOn(c -> !c.startsWith("GET"))
                .containsExactly("POST /v2/" + CloudStandIn.PROJECT_ID + "/fgs/functions",
                        "PUT /v2/" + CloudStandIn.PROJECT_ID + "/fgs/functions/urn:fss:cn-north-4:"
                                + CloudStandIn.PROJECT_ID + ":function:default:fn:latest/config");
        assertThat(cloud.functionConfig("fn").get("ephemeral_storage").asInt()).isEqualTo(2048);
        assertThat(cloud.functionConfig("fn").get("heartbeat_handler").asText()).isEqualTo("com.example.Handler.beat");
        cloud.clearRequests();
        assertThat(deploy(config("fn", jar).function(spec)).action).isEqualTo("unchanged");
        assertThat(writes()).isEmpty();

        // ShowFunctionConfig does not show a restore hook: setting one is sent every time, and the log says why
        FunctionSpec hook = fn().ephemeralStorage(2048).enableClassIsolation(true)
                .heartbeatHandler("com.example.Handler.beat").enableAuthInHeader(true)
                .restoreHookHandler("com.example.Handler.restore").restoreHookTimeout(30).build();
        deploy(config("fn", jar).function(hook));
        info.clear();
        assertThat(deploy(config("fn", jar).function(hook)).changes).containsExactly("configuration updated");
        assertThat(info).anySatisfy(i -> assertThat(i).contains("(restore_hook_handler, restore_hook_timeout)",
                "ShowFunctionConfig does not show restore_hook_handler, restore_hook_timeout as set"));
    }

    /** A named version is compared with what ShowFunctionConfig shows: a restore hook it does not show is no change. */
    @Test
    void aNamedVersionIsComparedOnlyInWhatTheServiceShows() throws Exception {
        Path jar = jar("named");
        DeployConfig.Builder named = config("fn", jar).versionName("1.4.0").function(fn()
                .restoreHookHandler("com.example.Handler.restore").restoreHookTimeout(30).ephemeralStorage(1024)
                .build());
        assertThat(deploy(named).version).isEqualTo("1.4.0");
        DeployResult again = deploy(config("fn", jar).versionName("1.4.0").function(fn()
                .restoreHookHandler("com.example.Handler.restore").restoreHookTimeout(30).ephemeralStorage(1024)
                .build()));
        assertThat(again.version).isEqualTo("1.4.0");
        assertThat(cloud.functionVersions("default", "fn")).containsExactly("1.4.0");
        assertThat(Words.thrown(() -> deploy(config("fn", jar).versionName("1.4.0").function(fn()
                .restoreHookHandler("com.example.Handler.restore").restoreHookTimeout(30).ephemeralStorage(2048)
                .build())))).contains("Version 1.4.0 of fn exists already and differs from this deploy in "
                        + "ephemeral_storage (1024 in the version, 2048 in the POM)");
    }

    /** Defect 4: code_url names the object on the OBS endpoint the package goes to. */
    @Test
    void theCodeUrlFollowsTheObsEndpoint() throws Exception {
        Path jar = jar("url");
        deploy(config("fn", jar).obsBucket("fg-code").obsObjectKey("code/fn.jar"));
        assertThat(cloud.requests().stream().filter(r -> r.method().equals("POST")).findFirst().get()
                .bodyAt("/code_url").asText()).isEqualTo(cloud.baseUrl() + "/fg-code/code/fn.jar");

        DeployConfig.Builder europe = config("eu", jar).obsBucket("fg-code").obsObjectKey("code/eu.jar").dryRun(true);
        europe.cloud(CloudConfig.builder().region("eu-west-101")
                .obsEndpoint("https://obs.eu-west-101.myhuaweicloud.eu"));
        deploy(europe);
        JsonNode create = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                dir.resolve("out-eu/request-create.json").toFile());
        assertThat(create.get("code_url").asText())
                .isEqualTo("https://fg-code.obs.eu-west-101.myhuaweicloud.eu/code/eu.jar");
    }
}
