package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.CreateTriggerRequest;
import io.github.fgtools.functiongraph.client.model.UpdateTriggerRequest;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphMeta;
import com.huaweicloud.sdk.functiongraph.v2.model.ApigTriggerFuncInfo;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionTriggerRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionTriggerRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionTriggerResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.DeleteFunctionTriggerRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionTriggerResult;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionTriggersRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.TriggerEventDataRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateTriggerRequest.TriggerTypeCodeEnum;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateTriggerRequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.fgtools.functiongraph.standin.CloudStandIn.AK;
import static io.github.fgtools.functiongraph.standin.CloudStandIn.PROJECT_ID;
import static io.github.fgtools.functiongraph.standin.CloudStandIn.SK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stand-in's trigger API driven by the official SDK's client (so its paths and JSON are the SDK's), and the
 * plugin's trigger bodies checked against the SDK's models.
 */
class TriggersApiTest {
    static final String URN = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:trig:latest";

    @TempDir
    Path dir;
    CloudStandIn standIn;
    FunctionGraphClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = CloudStandIn.start(dir);
        client = SdkClients.of(standIn);
        SdkClients.createFunction(client, "trig");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private CreateFunctionTriggerResponse timer(String name, String schedule) {
        return client.createFunctionTrigger(new CreateFunctionTriggerRequest().withFunctionUrn(URN).withBody(
                new CreateFunctionTriggerRequestBody()
                        .withTriggerTypeCode(CreateFunctionTriggerRequestBody.TriggerTypeCodeEnum.TIMER)
                        .withTriggerStatus(CreateFunctionTriggerRequestBody.TriggerStatusEnum.ACTIVE)
                        .withEventData(new TriggerEventDataRequestBody().withName(name)
                                .withScheduleType(TriggerEventDataRequestBody.ScheduleTypeEnum.RATE)
                                .withSchedule(schedule))));
    }

    @Test
    void sdkCreatesListsUpdatesAndDeletes() {
        CreateFunctionTriggerResponse t = timer("nightly", "3m");
        assertThat(t.getTriggerId()).isNotBlank();
        assertThat(t.getTriggerStatus()).hasToString("ACTIVE");

        CreateFunctionTriggerResponse api = client.createFunctionTrigger(new CreateFunctionTriggerRequest()
                .withFunctionUrn(URN).withBody(new CreateFunctionTriggerRequestBody()
                        .withTriggerTypeCode(CreateFunctionTriggerRequestBody.TriggerTypeCodeEnum.APIG)
                        .withEventData(new TriggerEventDataRequestBody().withGroupId("g1").withEnvId("env")
                                .withEnvName("RELEASE").withPath("/hello").withType(1)
                                .withProtocol(TriggerEventDataRequestBody.ProtocolEnum.HTTPS)
                                .withReqMethod(TriggerEventDataRequestBody.ReqMethodEnum.GET)
                                .withMatchMode(TriggerEventDataRequestBody.MatchModeEnum.NORMAL)
                                .withAuth(TriggerEventDataRequestBody.AuthEnum.NONE)
                                .withFuncInfo(new ApigTriggerFuncInfo().withTimeout(5000)))));
        assertThat(api.getEventData().getInvokeUrl()).endsWith("/hello");

        List<ListFunctionTriggerResult> listed = client.listFunctionTriggers(
                new ListFunctionTriggersRequest().withFunctionUrn(URN)).getBody();
        assertThat(listed).extracting(r -> r.getTriggerTypeCode().getValue()).containsExactly("TIMER", "APIG");

        client.updateTrigger(new com.huaweicloud.sdk.functiongraph.v2.model.UpdateTriggerRequest()
                .withFunctionUrn(URN).withTriggerTypeCode(TriggerTypeCodeEnum.TIMER).withTriggerId(t.getTriggerId())
                .withBody(new UpdateTriggerRequestBody()
                        .withTriggerStatus(UpdateTriggerRequestBody.TriggerStatusEnum.DISABLED)));
        assertThat(standIn.triggers("trig", "latest").get(0).path("trigger_status").asText()).isEqualTo("DISABLED");

        // 409 on a duplicate, 400 on a refused value
        assertThatThrownBy(() -> timer("nightly", "5m")).isInstanceOf(ServiceResponseException.class)
                .satisfies(e -> assertThat(((ServiceResponseException) e).getHttpStatusCode()).isEqualTo(409));
        assertThatThrownBy(() -> timer("other", "61m")).isInstanceOf(ServiceResponseException.class)
                .hasMessageContaining("Rate");

        client.deleteFunctionTrigger(new DeleteFunctionTriggerRequest().withFunctionUrn(URN)
                .withTriggerTypeCode(DeleteFunctionTriggerRequest.TriggerTypeCodeEnum.TIMER)
                .withTriggerId(t.getTriggerId()));
        assertThat(standIn.triggers("trig", "latest")).hasSize(1);
        // the triggers of another qualifier are its own
        assertThat(standIn.triggers("trig", "!prod")).isEmpty();
    }

    @Test
    void sdkPathsAreTheOnesThePluginAndTheStandInUse() {
        assertThat(FunctionGraphMeta.listFunctionTriggers.getUri()).isEqualTo("/v2/{project_id}/fgs/triggers/{function_urn}");
        assertThat(FunctionGraphMeta.listFunctionTriggers.getMethod()).hasToString("GET");
        assertThat(FunctionGraphMeta.createFunctionTrigger.getUri()).isEqualTo("/v2/{project_id}/fgs/triggers/{function_urn}");
        assertThat(FunctionGraphMeta.createFunctionTrigger.getMethod()).hasToString("POST");
        assertThat(FunctionGraphMeta.updateTrigger.getUri())
                .isEqualTo("/v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}");
        assertThat(FunctionGraphMeta.updateTrigger.getMethod()).hasToString("PUT");
        assertThat(FunctionGraphMeta.deleteFunctionTrigger.getUri())
                .isEqualTo("/v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}");
        assertThat(FunctionGraphMeta.deleteFunctionTrigger.getMethod()).hasToString("DELETE");
    }

    @Test
    void pluginBodiesHaveTheSdkModelsFields() {
        assertThat(ours(CreateTriggerRequest.class)).containsExactlyInAnyOrderElementsOf(
                sdk(CreateFunctionTriggerRequestBody.class));
        assertThat(sdk(UpdateTriggerRequestBody.class)).containsAll(ours(UpdateTriggerRequest.class));
        // the stand-in's field lists are the SDK's
        assertThat(TriggersApi.EVENT_DATA_FIELDS).containsExactlyInAnyOrderElementsOf(
                sdk(TriggerEventDataRequestBody.class));
        assertThat(TriggersApi.CREATE_FIELDS).containsExactlyInAnyOrderElementsOf(
                sdk(CreateFunctionTriggerRequestBody.class));
        assertThat(TriggersApi.UPDATE_FIELDS).containsExactlyInAnyOrderElementsOf(sdk(UpdateTriggerRequestBody.class));
        assertThat(TriggersApi.UPDATE_EVENT_DATA_FIELDS).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.UpdateriggerEventData.class));
        List<String> types = new ArrayList<>();
        for (Field f : CreateFunctionTriggerRequestBody.TriggerTypeCodeEnum.class.getFields()) {
            if (f.getType() == CreateFunctionTriggerRequestBody.TriggerTypeCodeEnum.class) {
                types.add(f.getName());
            }
        }
        assertThat(io.github.fgtools.functiongraph.config.TriggerSpec.TYPES).containsExactlyInAnyOrderElementsOf(types);
        assertThat(TriggersApi.TYPES).containsExactlyInAnyOrderElementsOf(types);
    }

    private static List<String> ours(Class<?> type) {
        SerializationConfig config = Json.API.getSerializationConfig();
        JavaType t = config.constructType(type);
        return config.introspect(t).findProperties().stream().map(BeanPropertyDefinition::getName)
                .collect(Collectors.toList());
    }

    static List<String> sdk(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            JsonProperty p = f.getAnnotation(JsonProperty.class);
            if (p != null) {
                names.add(p.value());
            }
        }
        return names;
    }
}
