package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.StrategyConfig;
import io.github.fgtools.functiongraph.client.model.UpdateMaxInstanceRequest;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphMeta;
import com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionConfigRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionConfigRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionMaxInstanceConfigRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionMaxInstanceConfigRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionMaxInstanceConfigResponse;
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
 * The stand-in's scaling calls driven by the official SDK's client (so paths and JSON are the SDK's), and the
 * plugin's bodies checked against the SDK's models.
 */
class ScalingApiTest {
    static final String URN = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:scale:latest";

    @TempDir
    Path dir;
    CloudStandIn standIn;
    FunctionGraphClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = CloudStandIn.start(dir);
        client = SdkClients.of(standIn);
        SdkClients.createFunction(client, "scale");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private UpdateFunctionMaxInstanceConfigResponse max(int n) {
        return client.updateFunctionMaxInstanceConfig(new UpdateFunctionMaxInstanceConfigRequest()
                .withFunctionUrn(URN).withBody(new UpdateFunctionMaxInstanceConfigRequestBody().withMaxInstanceNum(n)));
    }

    private com.huaweicloud.sdk.functiongraph.v2.model.StrategyConfig shown() {
        return client.showFunctionConfig(new ShowFunctionConfigRequest().withFunctionUrn(URN)).getStrategyConfig();
    }

    @Test
    void sdkSetsTheMaximumAndShowConfigReadsItBack() {
        assertThat(shown().getConcurrency()).isEqualTo(400);
        UpdateFunctionMaxInstanceConfigResponse r = max(10);
        assertThat(r.getStrategyConfig().getConcurrency()).isEqualTo(10);
        assertThat(shown().getConcurrency()).isEqualTo(10);
        assertThat(shown().getConcurrentNum()).isEqualTo(1);
        max(-1);
        assertThat(shown().getConcurrency()).isEqualTo(-1);
        assertThat(standIn.requests()).anyMatch(q -> q.method().equals("PUT")
                && q.path().endsWith("/fgs/functions/" + URN + "/config-max-instance"));
    }

    @Test
    void outOfRangeIsRefusedAsTheServiceDoes() {
        assertThatThrownBy(() -> max(1001)).isInstanceOf(ServiceResponseException.class)
                .satisfies(e -> assertThat(((ServiceResponseException) e).getHttpStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> max(-2)).isInstanceOf(ServiceResponseException.class);
        assertThatThrownBy(() -> client.updateFunctionConfig(new UpdateFunctionConfigRequest().withFunctionUrn(URN)
                .withBody(new UpdateFunctionConfigRequestBody().withFuncName("scale")
                        .withRuntime(UpdateFunctionConfigRequestBody.RuntimeEnum.JAVA11)
                        .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                        .withStrategyConfig(new com.huaweicloud.sdk.functiongraph.v2.model.StrategyConfig()
                                .withConcurrentNum(0)))))
                .isInstanceOf(ServiceResponseException.class);
        assertThat(shown().getConcurrency()).isEqualTo(400);
    }

    @Test
    void concurrentNumThroughUpdateFunctionConfigAndAConcurrencyThereReplacesTheMaximum() {
        max(7);
        client.updateFunctionConfig(new UpdateFunctionConfigRequest().withFunctionUrn(URN)
                .withBody(new UpdateFunctionConfigRequestBody().withFuncName("scale")
                        .withRuntime(UpdateFunctionConfigRequestBody.RuntimeEnum.JAVA11)
                        .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                        .withStrategyConfig(new com.huaweicloud.sdk.functiongraph.v2.model.StrategyConfig()
                                .withConcurrency(20).withConcurrentNum(5))));
        assertThat(shown().getConcurrency()).isEqualTo(20);
        assertThat(shown().getConcurrentNum()).isEqualTo(5);
    }

    @Test
    void thePluginsBodiesHaveTheSdksJsonNamesAndThePathIsTheSdks() throws Exception {
        JsonNode ours = Json.API.valueToTree(new UpdateMaxInstanceRequest(12));
        String sdk = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                new UpdateFunctionMaxInstanceConfigRequestBody().withMaxInstanceNum(12));
        assertThat(ours).isEqualTo(Json.API.readTree(sdk));
        StrategyConfig s = new StrategyConfig();
        s.concurrency = 3;
        s.concurrentNum = 4;
        assertThat((JsonNode) Json.API.valueToTree(s)).isEqualTo(Json.API.readTree(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new com.huaweicloud.sdk.functiongraph.v2.model.StrategyConfig()
                        .withConcurrency(3).withConcurrentNum(4))));
        assertThat(FunctionGraphMeta.updateFunctionMaxInstanceConfig.getUri())
                .isEqualTo("/v2/{project_id}/fgs/functions/{function_urn}/config-max-instance");
        assertThat(FunctionGraphMeta.updateFunctionMaxInstanceConfig.getMethod().name()).isEqualTo("PUT");
    }
}
