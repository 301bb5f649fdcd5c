package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.InlineCodeBody;
import io.github.fgtools.functiongraph.client.model.FuncMount;
import io.github.fgtools.functiongraph.client.model.FuncVpc;
import io.github.fgtools.functiongraph.client.model.MountConfig;
import io.github.fgtools.functiongraph.client.model.MountUser;
import io.github.fgtools.functiongraph.config.FunctionSpec;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request JSON: against golden files, and against the seed's schema. */
class RequestBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void createBodyMatchesTheGoldenFile() throws Exception {
        ObjectNode body = RequestBodies.create(full(), "zip", "orders.zip", null);
        assertThat(body).isEqualTo(golden("create-full.json"));
    }

    @Test
    void createBodyIsValidAgainstTheSeedSchema() throws Exception {
        ObjectNode body = RequestBodies.create(full(), "zip", "orders.zip", null);
        ((ObjectNode) body.get("func_code")).put("file", "UEsDBA==");
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
    void encryptedUserDataIsMaskedForDisplay() {
        ObjectNode body = RequestBodies.create(full(), "zip", "orders.zip", null);
        assertThat(body.get("encrypted_user_data").asText()).isEqualTo("{\"DB_PASSWORD\":\"s3cret\"}");
        ObjectNode shown = RequestBodies.forDisplay(body, 10, "abc");
        assertThat(shown.toString()).doesNotContain("s3cret").contains("DB_PASSWORD");
        assertThat(shown.at("/func_code/file").asText()).isEqualTo("<package: 10 bytes, sha256 abc>");
        assertThat(body.at("/func_code/file").asText()).isEqualTo(InlineCodeBody.PLACEHOLDER);
    }

    @Test
    void mergeKeepsWhatThePomDoesNotNameAndDropsEmptySettings() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"func_name\":\"orders\",\"runtime\":\"Java17\","
                + "\"handler\":\"old.Handler.handle\",\"memory_size\":256,\"timeout\":30,\"func_urn\":\"urn:x\","
                + "\"strategy_config\":{\"concurrency\":5,\"concurrent_num\":1},\"func_vpc\":{},"
                + "\"user_data\":\"{\\\"KEPT\\\":\\\"1\\\"}\",\"code_size\":99,\"description\":\"\"}");
        FunctionSpec spec = FunctionSpec.builder().functionName("orders").runtime("Java17")
                .handler("com.example.Orders.handle").memorySize(512).timeout(30).build();
        ObjectNode merged = RequestBodies.mergedConfig(current, spec);
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
        ObjectNode merged = RequestBodies.mergedConfig(current, spec);
        assertThat(merged.has("initializer_timeout")).isFalse();
        assertThat(merged.has("initializer_handler")).isFalse();
        assertThat(merged.has("pre_stop_timeout")).isFalse();
        assertThat(merged.has("gpu_memory")).isFalse();
        assertThat(merged.has("mount_config")).isFalse();
    }
}
