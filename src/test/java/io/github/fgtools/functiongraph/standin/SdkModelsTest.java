package io.github.fgtools.functiongraph.standin;

import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionCodeRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionCodeResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionConfigRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionConfigResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.fgtools.functiongraph.standin.CloudStandInTest.FUNCTIONS;
import static io.github.fgtools.functiongraph.standin.CloudStandInTest.JSON;
import static io.github.fgtools.functiongraph.standin.CloudStandInTest.URN_BASE;
import static io.github.fgtools.functiongraph.standin.CloudStandInTest.createBody;
import static io.github.fgtools.functiongraph.standin.CloudStandInTest.json;
import static io.github.fgtools.functiongraph.standin.CloudStandInTest.zip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in answers and accepts what the official SDK's models (huaweicloud-sdk-functiongraph, a test dependency)
 * name, field for field: the lists in {@link SdkModels} are checked against the model classes, and the answers of
 * real calls against the lists.
 */
class SdkModelsTest {
    /** The stand-in and CloudStandInTest's SDK-signed calls to it. */
    private final CloudStandInTest api = new CloudStandInTest();

    @BeforeEach
    void start() {
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return api.call(method, path, body);
    }

    /** The JSON names of a model class's fields, as the SDK (de)serializes them. */
    static List<String> fields(Class<?> model) {
        List<String> names = new ArrayList<>();
        for (Field f : model.getDeclaredFields()) {
            JsonProperty p = f.getAnnotation(JsonProperty.class);
            if (p != null) {
                names.add(p.value());
            }
        }
        assertThat(names).as(model.getSimpleName()).isNotEmpty();
        return names;
    }

    /** The answer has exactly the model's fields, and the SDK reads it into the model (every value of its type). */
    private static void assertIsA(Class<?> model, JsonNode answer) {
        assertThat(names(answer)).as(model.getSimpleName()).containsExactlyElementsOf(fields(model));
        assertThat(JsonUtils.toObjectByStrict(answer.toString(), model)).isNotNull();
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theListsAreTheSdkModels() {
        assertThat(SdkModels.SHOW_FUNCTION_CONFIG).containsExactlyElementsOf(fields(ShowFunctionConfigResponse.class));
        assertThat(SdkModels.CREATE_FUNCTION).containsExactlyElementsOf(fields(CreateFunctionResponse.class));
        assertThat(SdkModels.UPDATE_FUNCTION_CONFIG)
                .containsExactlyElementsOf(fields(UpdateFunctionConfigResponse.class));
        assertThat(SdkModels.UPDATE_FUNCTION_CODE).containsExactlyElementsOf(fields(UpdateFunctionCodeResponse.class));
        assertThat(SdkModels.UPDATE_FUNCTION_CONFIG_BODY)
                .containsExactlyInAnyOrderElementsOf(fields(UpdateFunctionConfigRequestBody.class));
        assertThat(SdkModels.UPDATE_FUNCTION_CODE_BODY)
                .containsExactlyInAnyOrderElementsOf(fields(UpdateFunctionCodeRequestBody.class));
        // what ShowFunctionConfig does not answer, and what the plugin therefore cannot compare
        assertThat(SdkModels.SHOW_FUNCTION_CONFIG).contains("log_group_id", "log_stream_id", "depend_version_list")
                .doesNotContain("log_config", "lts_custom_tag", "domain_names", "restore_hook_handler",
                        "restore_hook_timeout");
        assertThat(SdkModels.UPDATE_FUNCTION_CONFIG_BODY).doesNotContain("lts_custom_tag", "depend_version_list");
    }

    @Test
    void everyAnswerHasExactlyTheFieldsOfItsModel() throws Exception {
        ObjectNode create = createBody("models", zip("a", "1"));
        create.putObject("log_config").put("group_id", "g-1").put("group_name", "group").put("stream_id", "s-1")
                .put("stream_name", "stream");
        create.putObject("lts_custom_tag").put("team", "orders");
        create.put("encrypted_user_data", "{\"PASSWORD\":\"s3cret\"}");
        HttpResponse<String> created = call("POST", FUNCTIONS, create.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertIsA(CreateFunctionResponse.class, json(created));
        assertThat(json(created).get("log_group_id").asText()).isEqualTo("g-1");

        String urn = URN_BASE + "models";
        HttpResponse<String> shown = call("GET", FUNCTIONS + "/" + urn + "/config", null);
        JsonNode config = json(shown);
        assertIsA(ShowFunctionConfigResponse.class, config);
        assertThat(config.get("log_group_id").asText()).isEqualTo("g-1");
        assertThat(config.get("log_stream_id").asText()).isEqualTo("s-1");
        assertThat(config.get("encrypted_user_data").asText()).isEqualTo("{\"PASSWORD\":\"\"}");
        assertThat(config.get("ephemeral_storage").asInt()).isEqualTo(512);
        assertThat(config.get("depend_version_list")).isEmpty();
        assertThat(config.get("func_vpc").isNull()).isTrue();
        assertThat(JSON.readTree(api.standIn.functionConfig("models").toString())).isEqualTo(config);

        ObjectNode update = JSON.createObjectNode().put("func_name", "models").put("runtime", "Java11")
                .put("handler", "com.example.Handler.handle").put("memory_size", 512).put("timeout", 30)
                .put("ephemeral_storage", 1024).put("domain_names", "[]").put("enable_class_isolation", true);
        HttpResponse<String> updated = call("PUT", FUNCTIONS + "/" + urn + "/config", update.toString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertIsA(UpdateFunctionConfigResponse.class, json(updated));
        assertThat(json(updated).get("domain_names").asText()).isEqualTo("[]");
        JsonNode after = json(call("GET", FUNCTIONS + "/" + urn + "/config", null));
        assertThat(after.get("ephemeral_storage").asInt()).isEqualTo(1024);
        assertThat(after.get("enable_class_isolation").asBoolean()).isTrue();
        assertThat(after.get("log_group_id").asText()).as("kept: the update did not name it").isEqualTo("g-1");

        ObjectNode code = JSON.createObjectNode().put("code_type", "zip").put("code_filename", "models.zip");
        code.putObject("func_code").put("file", Base64.getEncoder().encodeToString(zip("a", "2")));
        code.putArray("depend_version_list").add("dep-1");
        HttpResponse<String> coded = call("PUT", FUNCTIONS + "/" + urn + "/code", code.toString());
        assertThat(coded.statusCode()).as(coded.body()).isEqualTo(200);
        assertIsA(UpdateFunctionCodeResponse.class, json(coded));
        assertThat(json(call("GET", FUNCTIONS + "/" + urn + "/config", null)).get("depend_version_list"))
                .containsExactly(JSON.getNodeFactory().textNode("dep-1"));
    }

    @Test
    void anUpdateWithAFieldItsModelLacksIsRefused() throws Exception {
        assertThat(call("POST", FUNCTIONS, createBody("strict", zip("a", "1")).toString()).statusCode())
                .isEqualTo(200);
        String urn = URN_BASE + "strict";
        ObjectNode update = JSON.createObjectNode().put("func_name", "strict").put("runtime", "Java11")
                .put("handler", "com.example.Handler.handle").put("memory_size", 256).put("timeout", 30);
        update.putObject("lts_custom_tag").put("team", "orders");
        HttpResponse<String> refused = call("PUT", FUNCTIONS + "/" + urn + "/config", update.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error_code").asText()).isEqualTo("FSS.0400");
        assertThat(json(refused).get("error_msg").asText()).contains("UpdateFunctionConfig does not take "
                + "lts_custom_tag");

        ObjectNode code = JSON.createObjectNode().put("code_type", "zip").put("code_filename", "strict.zip")
                .put("runtime", "Java11");
        code.putObject("func_code").put("file", Base64.getEncoder().encodeToString(zip("a", "2")));
        HttpResponse<String> codeRefused = call("PUT", FUNCTIONS + "/" + urn + "/code", code.toString());
        assertThat(codeRefused.statusCode()).isEqualTo(400);
        assertThat(json(codeRefused).get("error_msg").asText()).contains("UpdateFunctionCode does not take runtime");
    }

    @Test
    void createDoesNotReadWhatItsBodyLacksAndJavaOnlySettingsAreRefusedElsewhere() throws Exception {
        ObjectNode create = createBody("create-only", zip("a", "1")).put("ephemeral_storage", 2048);
        assertThat(call("POST", FUNCTIONS, create.toString()).statusCode()).isEqualTo(200);
        assertThat(api.standIn.functionConfig("create-only").get("ephemeral_storage").asInt()).isEqualTo(512);

        ObjectNode python = createBody("py", zip("index.py", "x")).put("runtime", "Python3.9")
                .put("handler", "index.handler");
        assertThat(call("POST", FUNCTIONS, python.toString()).statusCode()).isEqualTo(200);
        String urn = URN_BASE + "py";
        ObjectNode update = JSON.createObjectNode().put("func_name", "py").put("runtime", "Python3.9")
                .put("handler", "index.handler").put("memory_size", 256).put("timeout", 30);
        assertThat(call("PUT", FUNCTIONS + "/" + urn + "/config", update.deepCopy()
                .put("enable_class_isolation", false).toString()).statusCode()).isEqualTo(200);
        for (ObjectNode bad : List.of(update.deepCopy().put("enable_class_isolation", true),
                update.deepCopy().put("heartbeat_handler", "index.beat"),
                update.deepCopy().put("ephemeral_storage", 20480),
                update.deepCopy().put("restore_hook_timeout", 10))) {
            HttpResponse<String> r = call("PUT", FUNCTIONS + "/" + urn + "/config", bad.toString());
            assertThat(r.statusCode()).as(bad + " -> " + r.body()).isEqualTo(400);
        }
    }
}
