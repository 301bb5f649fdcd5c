package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.JsonBody;
import io.github.fgtools.functiongraph.client.model.CodeFile;
import io.github.fgtools.functiongraph.client.model.CreateFunctionRequest;
import io.github.fgtools.functiongraph.client.model.FuncMount;
import io.github.fgtools.functiongraph.client.model.FuncVpc;
import io.github.fgtools.functiongraph.client.model.LogConfig;
import io.github.fgtools.functiongraph.client.model.MountConfig;
import io.github.fgtools.functiongraph.client.model.MountUser;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionConfigRequest;
import io.github.fgtools.functiongraph.config.FunctionSpec;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request JSON: against golden files, and against the seed's schema. */
class RequestBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static FunctionSpec full() {
        FuncVpc vpc = new FuncVpc();
        vpc.vpcId = "vpc-1";
        vpc.subnetId = "subnet-1";
        vpc.securityGroups = Arrays.asList("sg-1");
        MountConfig mount = new MountConfig();
        mount.mountUser = new MountUser();
        mount.mountUser.userId = "1000";
        mount.mountUser.userGroupId = "1000";
        FuncMount m = new FuncMount();
        m.mountType = "sfsTurbo";
        m.mountResource = "res-1";
        m.localMountPath = "/mnt/data";
        mount.funcMounts = Collections.singletonList(m);
        Map<String, String> userData = new LinkedHashMap<>();
        userData.put("GREETING", "Hello");
        userData.put("MODE", "prod");
        return FunctionSpec.builder().functionName("orders").functionPackage("shop").runtime("Java17")
                .handler("com.example.Orders.handle").memorySize(512).timeout(60).description("Orders API")
                .userData(userData).encryptedUserData(Collections.singletonMap("DB_PASSWORD", "s3cret"))
                .xrole("fg-agency").initializerHandler("com.example.Orders.init").initializerTimeout(30)
                .vpc(vpc).mountConfig(mount).enableDynamicMemory(true).build();
    }

    private static JsonNode golden(String name) throws Exception {
        try (InputStream in = RequestBodiesTest.class.getResourceAsStream("/golden/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** A package of 4 bytes, "PK\3\4": base64 UEsDBA== in the golden file. */
    private CodeFile code() throws Exception {
        Path file = Files.write(dir.resolve("orders.zip"), new byte[] {'P', 'K', 3, 4});
        return new CodeFile(file, 4);
    }

    /** The body as sent. */
    private static JsonNode wire(Object body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBody.of(body).writeTo(out);
        return JSON.readTree(out.toByteArray());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode tree(Object body) {
        return Json.API.valueToTree(body);
    }

    @Test
    void createBodyMatchesTheGoldenFile() throws Exception {
        JsonNode body = wire(RequestBodies.create(full(), "zip", "orders.zip", null, code()));
        JsonNode golden = golden("create-full.json");
        assertThat(body).isEqualTo(golden);
        assertThat(fieldNames(body)).containsExactlyElementsOf(fieldNames(golden));
    }

    @Test
    void createBodyIsValidAgainstTheSeedSchema() throws Exception {
        JsonNode body = wire(RequestBodies.create(full(), "zip", "orders.zip", null, code()));
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/CreateFunction.json")) {
            seed = JSON.readTree(in);
        }
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$ref", "#/definitions/CreateFunctionRequestBody");
        schema.set("definitions", seed.get("definitions"));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        java.util.Set<ValidationMessage> errors = validator.validate(body);
        assertThat(errors).isEmpty();
    }

    @Test
    void encryptedUserDataIsMaskedForDisplay() throws Exception {
        CreateFunctionRequest body = RequestBodies.create(full(), "zip", "orders.zip", null, code());
        assertThat(body.encryptedUserData).isEqualTo("{\"DB_PASSWORD\":\"s3cret\"}");
        ObjectNode shown = RequestBodies.forDisplay(body, 10, "abc");
        assertThat(shown.toString()).doesNotContain("s3cret").contains("DB_PASSWORD");
        assertThat(shown.at("/func_code/file").asText()).isEqualTo("<package: 10 bytes, sha256 abc>");
        assertThat(body.encryptedUserData).isEqualTo("{\"DB_PASSWORD\":\"s3cret\"}");
        assertThat(RequestBodies.forDisplay(RequestBodies.config(full()), 10, "abc").get("encrypted_user_data")
                .asText()).isEqualTo("{\"DB_PASSWORD\":\"******\"}");
    }

    @Test
    void theDisplayDoesNotReadThePackage() {
        CodeFile missing = new CodeFile(dir.resolve("not-there.zip"), 123);
        ObjectNode shown = RequestBodies.forDisplay(RequestBodies.updateCode(full(), "jar", "orders.jar", null,
                missing), 123, "abc");
        assertThat(shown.at("/func_code/file").asText()).isEqualTo("<package: 123 bytes, sha256 abc>");
    }

    @Test
    void codeInObsIsNamedNotSent() {
        ObjectNode body = tree(RequestBodies.create(full(), "obs", "orders.zip", "https://b.obs/orders.zip", null));
        assertThat(body.has("func_code")).isFalse();
        assertThat(body.get("code_url").asText()).isEqualTo("https://b.obs/orders.zip");
    }

    @Test
    void mergeKeepsWhatThePomDoesNotNameAndDropsEmptySettings() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"old.Handler.handle\",\"memory_size\":256,\"timeout\":30,\"func_urn\":\"urn:x\","
                + "\"strategy_config\":{\"concurrency\":5,\"concurrent_num\":1},\"func_vpc\":{},"
                + "\"user_data\":\"{\\\"KEPT\\\":\\\"1\\\"}\",\"code_size\":99,\"description\":\"\"}");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17")
                .handler("com.example.Orders.handle").memorySize(512).timeout(30).build();
        ObjectNode merged = tree(RequestBodies.mergedConfig(current, spec));
        assertThat(merged.get("strategy_config").get("concurrency").asInt()).isEqualTo(5);
        assertThat(merged.get("user_data").asText()).isEqualTo("{\"KEPT\":\"1\"}");
        assertThat(merged.get("memory_size").asInt()).isEqualTo(512);
        assertThat(merged.get("handler").asText()).isEqualTo("com.example.Orders.handle");
        assertThat(merged.has("func_vpc")).isFalse();
        assertThat(merged.has("func_urn")).isFalse();
        assertThat(merged.has("code_size")).isFalse();
        assertThat(RequestBodies.differences(current, spec)).containsExactly("handler", "memory_size");
    }

    @Test
    void sameUserDataInAnotherOrderIsNoDifference() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"com.example.Orders.handle\",\"memory_size\":256,\"timeout\":30,"
                + "\"user_data\":\"{\\\"B\\\":\\\"2\\\",\\\"A\\\":\\\"1\\\"}\"}");
        Map<String, String> userData = new LinkedHashMap<>();
        userData.put("A", "1");
        userData.put("B", "2");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17")
                .handler("com.example.Orders.handle").userData(userData).build();
        assertThat(RequestBodies.differences(current, spec)).isEmpty();
    }

    @Test
    void unsetValuesAsTheServiceAnswersThemAreNotWrittenBack() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"com.example.Orders.handle\",\"memory_size\":256,\"timeout\":30,"
                + "\"initializer_handler\":\"\",\"initializer_timeout\":0,\"pre_stop_timeout\":10,"
                + "\"gpu_memory\":0,\"mount_config\":{\"func_mounts\":[]}}");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17")
                .handler("com.example.Orders.handle").memorySize(512).build();
        ObjectNode merged = tree(RequestBodies.mergedConfig(current, spec));
        assertThat(merged.has("initializer_timeout")).isFalse();
        assertThat(merged.has("initializer_handler")).isFalse();
        assertThat(merged.has("pre_stop_timeout")).isFalse();
        assertThat(merged.has("gpu_memory")).isFalse();
        assertThat(merged.has("mount_config")).isFalse();
    }

    /** Every setting UpdateFunctionConfig takes comes back as the function holds it: a misnamed field would reset one. */
    @Test
    void everySettingThePomDoesNotNameIsWrittenBackAsItIs() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"timeout\":30,\"handler\":\"a.B.c\",\"memory_size\":256,\"gpu_memory\":1024,\"gpu_type\":\"T4\","
                + "\"user_data\":\"{\\\"K\\\":\\\"1\\\"}\",\"xrole\":\"x\",\"app_xrole\":\"y\",\"description\":\"d\","
                + "\"func_vpc\":{\"vpc_id\":\"v\",\"subnet_id\":\"s\",\"security_groups\":[\"g\"]},"
                + "\"mount_config\":{\"mount_user\":{\"user_id\":\"1\",\"user_group_id\":\"2\"},"
                + "\"func_mounts\":[{\"mount_type\":\"sfs\",\"mount_resource\":\"r\",\"mount_share_path\":\"p\","
                + "\"local_mount_path\":\"/m\"}]},\"strategy_config\":{\"concurrency\":5,\"concurrent_num\":2},"
                + "\"custom_image\":{\"enabled\":true,\"image\":\"i\",\"command\":\"c\",\"args\":\"a\","
                + "\"working_dir\":\"/w\",\"uid\":\"1\",\"gid\":\"2\"},\"extend_config\":\"{}\","
                + "\"initializer_handler\":\"a.B.i\",\"initializer_timeout\":3,\"pre_stop_handler\":\"a.B.p\","
                + "\"pre_stop_timeout\":4,\"ephemeral_storage\":512,\"enterprise_project_id\":\"0\","
                + "\"log_config\":{\"group_id\":\"g\",\"group_name\":\"gn\",\"stream_id\":\"s\",\"stream_name\":\"sn\"},"
                + "\"network_controller\":{\"disable_public_network\":true,\"trigger_access_vpcs\":[{\"vpc_id\":\"t\","
                + "\"vpc_name\":\"tn\"}]},\"is_stateful_function\":true,\"enable_dynamic_memory\":true,"
                + "\"enable_auth_in_header\":true,\"domain_names\":\"a.example\",\"restore_hook_handler\":\"a.B.r\","
                + "\"restore_hook_timeout\":5,\"heartbeat_handler\":\"a.B.h\",\"enable_class_isolation\":true}");
        assertThat(fieldNames(current)).containsExactlyInAnyOrderElementsOf(RequestBodies.UPDATE_CONFIG_FIELDS);
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17").handler("a.B.c")
                .memorySize(256).timeout(30).build();
        assertThat(wire(RequestBodies.mergedConfig(current, spec))).isEqualTo(current);
    }

    @Test
    void aCurrentValueThatCannotBeSentBackFailsRatherThanResetsIt() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"a.B.c\",\"memory_size\":256,\"timeout\":30,\"ephemeral_storage\":{\"size\":512}}");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17").handler("a.B.c").build();
        assertThatThrownBy(() -> RequestBodies.mergedConfig(current, spec)).isInstanceOf(FunctionGraphException.class)
                .hasMessageContaining("ephemeral_storage");
    }

    @Test
    void thePomsEncryptedUserDataIsSentAndAlwaysADifference() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"a.B.c\",\"memory_size\":256,\"timeout\":30}");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17").handler("a.B.c")
                .encryptedUserData(Collections.singletonMap("K", "v")).build();
        UpdateFunctionConfigRequest merged = RequestBodies.mergedConfig(current, spec);
        assertThat(merged.encryptedUserData).isEqualTo("{\"K\":\"v\"}");
        assertThat(RequestBodies.differences(current, spec)).containsExactly("encrypted_user_data");
    }

    // ------------------------------------------------------------------ against what ShowFunctionConfig answers

    /**
     * ShowFunctionConfig's answer for the function {@link #orders()} describes, as the service gives it: the fields of
     * the SDK's ShowFunctionConfigResponse, with its LTS binding as {@code log_group_id}/{@code log_stream_id} (no
     * {@code log_config}) and one dependency.
     */
    private static ObjectNode shown() throws Exception {
        return (ObjectNode) golden("show-function-config.json");
    }

    private static FunctionSpec.Builder orders() {
        Map<String, String> userData = new LinkedHashMap<>();
        userData.put("GREETING", "Hello");
        userData.put("MODE", "prod");
        return FunctionSpec.builder().functionName("orders").functionPackage("shop").runtime("Java17")
                .handler("com.example.Orders.handle").memorySize(512).timeout(60).description("Orders API")
                .userData(userData).xrole("fg-agency");
    }

    private static LogConfig logs(String streamId) {
        LogConfig log = new LogConfig();
        log.groupId = "lg-1";
        log.groupName = "orders-logs";
        log.streamId = streamId;
        log.streamName = "orders-stream";
        return log;
    }

    @Test
    void theShownFixtureHasTheFieldsOfTheSdksResponse() throws Exception {
        List<String> sdk = new ArrayList<>();
        for (java.lang.reflect.Field f : com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigResponse.class
                .getDeclaredFields()) {
            com.fasterxml.jackson.annotation.JsonProperty p = f.getAnnotation(
                    com.fasterxml.jackson.annotation.JsonProperty.class);
            if (p != null) {
                sdk.add(p.value());
            }
        }
        assertThat(fieldNames(shown())).containsExactlyElementsOf(sdk);
    }

    @Test
    void anUnchangedPomIsNoDifferenceFromWhatTheServiceShows() throws Exception {
        assertThat(RequestBodies.differences(shown(), orders().build())).isEmpty();
    }

    /** Defect 1: ShowFunctionConfig has no log_config; the binding is compared by the ids it does show. */
    @Test
    void aLogConfigIsComparedWithTheIdsTheServiceShows() throws Exception {
        assertThat(RequestBodies.differences(shown(), orders().logConfig(logs("ls-1")).build())).isEmpty();
        assertThat(RequestBodies.differences(shown(), orders().logConfig(logs("ls-2")).build()))
                .containsExactly("log_config");
        ObjectNode unbound = shown().put("log_group_id", "").put("log_stream_id", "");
        assertThat(RequestBodies.differences(unbound, orders().logConfig(logs("ls-1")).build()))
                .containsExactly("log_config");
    }

    @Test
    void theLogBindingIsKeptByIdWhenThePomDoesNotNameIt() throws Exception {
        ObjectNode merged = tree(RequestBodies.mergedConfig(shown(), orders().memorySize(1024).build()));
        assertThat(merged.get("log_config")).isEqualTo(JSON.readTree("{\"group_id\":\"lg-1\",\"stream_id\":\"ls-1\"}"));
        ObjectNode named = tree(RequestBodies.mergedConfig(shown(), orders().logConfig(logs("ls-2")).build()));
        assertThat(named.get("log_config").get("stream_name").asText()).isEqualTo("orders-stream");
        ObjectNode unbound = shown().put("log_group_id", "").put("log_stream_id", "");
        assertThat(tree(RequestBodies.mergedConfig(unbound, orders().build())).has("log_config")).isFalse();
    }

    /** Defect 3: depend_version_list is compared with the function's, and kept when the POM names none. */
    @Test
    void dependenciesAreComparedWithTheFunctionsAndKeptWhenThePomNamesNone() throws Exception {
        assertThat(RequestBodies.dependenciesDiffer(shown(), orders().build())).isFalse();
        assertThat(RequestBodies.dependenciesDiffer(shown(), orders().dependVersions(Arrays.asList("dep-1")).build()))
                .isFalse();
        FunctionSpec two = orders().dependVersions(Arrays.asList("dep-2", "dep-1")).build();
        assertThat(RequestBodies.dependenciesDiffer(shown(), two)).isTrue();
        assertThat(RequestBodies.differences(shown(), two)).as("not a configuration field").isEmpty();
        assertThat(RequestBodies.updateCode(shown(), two, "zip", "orders.zip", null, null).dependVersionList)
                .containsExactly("dep-2", "dep-1");
        assertThat(RequestBodies.updateCode(shown(), orders().build(), "zip", "orders.zip", null, null)
                .dependVersionList).containsExactly("dep-1");
        ObjectNode none = shown();
        none.putArray("depend_version_list");
        assertThat(RequestBodies.updateCode(none, orders().build(), "zip", "orders.zip", null, null)
                .dependVersionList).isNull();
    }

    @Test
    void theSettingsOnlyUpdateFunctionConfigTakesGoInTheConfigBodyNotInCreate() throws Exception {
        FunctionSpec spec = orders().ephemeralStorage(2048).enableClassIsolation(true)
                .heartbeatHandler("com.example.Orders.beat").enableAuthInHeader(true)
                .domainNames("[{\"id\":\"zone-1\",\"domain_name\":\"db.internal\"}]")
                .restoreHookHandler("com.example.Orders.restore").restoreHookTimeout(30).build();
        ObjectNode create = tree(RequestBodies.create(spec, "zip", "orders.zip", null, null));
        assertThat(fieldNames(create)).doesNotContainAnyElementsOf(RequestBodies.NOT_TAKEN_BY_CREATE);
        assertThat(RequestBodies.settingsCreateDoesNotTake(spec))
                .containsExactlyElementsOf(RequestBodies.NOT_TAKEN_BY_CREATE);
        assertThat(RequestBodies.settingsCreateDoesNotTake(orders().build())).isEmpty();
        ObjectNode config = tree(RequestBodies.config(spec));
        assertThat(config.get("ephemeral_storage").asInt()).isEqualTo(2048);
        assertThat(config.get("enable_class_isolation").asBoolean()).isTrue();
        assertThat(config.get("heartbeat_handler").asText()).isEqualTo("com.example.Orders.beat");
        assertThat(config.get("enable_auth_in_header").asBoolean()).isTrue();
        assertThat(config.get("domain_names").asText()).contains("db.internal");
        assertThat(config.get("restore_hook_handler").asText()).isEqualTo("com.example.Orders.restore");
        assertThat(config.get("restore_hook_timeout").asInt()).isEqualTo(30);
        assertThat(RequestBodies.differences(shown(), spec))
                .containsExactlyInAnyOrderElementsOf(RequestBodies.NOT_TAKEN_BY_CREATE);
        // once set, the service shows four of them; domain_names and the restore hook are not in its answer
        ObjectNode after = shown().put("ephemeral_storage", 2048).put("enable_class_isolation", true)
                .put("heartbeat_handler", "com.example.Orders.beat").put("enable_auth_in_header", true);
        assertThat(RequestBodies.differences(after, spec))
                .containsExactly("domain_names", "restore_hook_handler", "restore_hook_timeout");
        assertThat(tree(RequestBodies.mergedConfig(after, orders().build())).get("ephemeral_storage").asInt())
                .isEqualTo(2048);
    }
}
