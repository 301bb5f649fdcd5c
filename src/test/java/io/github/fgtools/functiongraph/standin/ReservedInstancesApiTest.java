package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.client.Json;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphMeta;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.FuncCode;
import com.huaweicloud.sdk.functiongraph.v2.model.ListReservedInstanceConfigsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ReservedInstanceConfigs;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountResponse;
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
 * The stand-in's reserved-instance calls driven by the official SDK's client (so paths and JSON are the SDK's), and the
 * plugin's bodies checked against the SDK's models.
 */
class ReservedInstancesApiTest {
    static final String URN = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:warm:latest";

    @TempDir
    Path dir;
    CloudStandIn standIn;
    FunctionGraphClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = CloudStandIn.start(dir);
        client = FunctionGraphClient.newBuilder()
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(30))
                .withCredential(new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID))
                .withEndpoints(List.of(standIn.baseUrl())).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("handler.jar"));
            z.write("x".getBytes());
        }
        client.createFunction(new CreateFunctionRequest().withBody(new CreateFunctionRequestBody()
                .withFuncName("warm").withPackage("default").withRuntime(CreateFunctionRequestBody.RuntimeEnum.JAVA11)
                .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                .withCodeType(CreateFunctionRequestBody.CodeTypeEnum.ZIP).withCodeFilename("warm.zip")
                .withFuncCode(new FuncCode().withFile(Base64.getEncoder().encodeToString(bytes.toByteArray())))));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    static final String UNQUALIFIED = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:warm";

    private UpdateFunctionReservedInstancesCountResponse set(String urn, int count, Boolean idle) {
        return client.updateFunctionReservedInstancesCount(new UpdateFunctionReservedInstancesCountRequest()
                .withFunctionUrn(urn).withBody(new UpdateFunctionReservedInstancesCountRequestBody()
                        .withCount(count).withIdleMode(idle)));
    }

    @Test
    void sdkSetsAndListsPerQualifier() {
        UpdateFunctionReservedInstancesCountResponse r = set(URN, 2, true);
        assertThat(r.getCount()).isEqualTo(2);
        assertThat(r.getIdleMode()).isTrue();
        set(UNQUALIFIED + ":!prod", 3, false);
        List<ReservedInstanceConfigs> all = client.listReservedInstanceConfigs(new ListReservedInstanceConfigsRequest()
                .withFunctionUrn(UNQUALIFIED)).getReservedInstances();
        assertThat(all).extracting(ReservedInstanceConfigs::getQualifierName, ReservedInstanceConfigs::getMinCount,
                ReservedInstanceConfigs::getQualifierType).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("latest", 2, "version"),
                        org.assertj.core.groups.Tuple.tuple("prod", 3, "alias"));
        set(URN, 0, false);
        assertThat(client.listReservedInstanceConfigs(new ListReservedInstanceConfigsRequest()
                .withFunctionUrn(UNQUALIFIED)).getReservedInstances().get(0).getMinCount()).isZero();
    }

    @Test
    void outOfRangeAndAnUnqualifiedUrnAreRefused() {
        assertThatThrownBy(() -> set(URN, 1001, null)).isInstanceOf(ServiceResponseException.class);
        assertThatThrownBy(() -> set(UNQUALIFIED, 1, null)).isInstanceOf(ServiceResponseException.class);
        assertThat(client.listReservedInstanceConfigs(new ListReservedInstanceConfigsRequest()
                .withFunctionUrn(UNQUALIFIED)).getReservedInstances()).isEmpty();
    }

    @Test
    void thePathsAreTheSdks() {
        assertThat(FunctionGraphMeta.updateFunctionReservedInstancesCount.getUri())
                .isEqualTo("/v2/{project_id}/fgs/functions/{function_urn}/reservedinstances");
        assertThat(FunctionGraphMeta.updateFunctionReservedInstancesCount.getMethod().name()).isEqualTo("PUT");
        assertThat(FunctionGraphMeta.listReservedInstanceConfigs.getUri())
                .isEqualTo("/v2/{project_id}/fgs/functions/reservedinstanceconfigs");
    }
}
