package io.github.fgtools.functiongraph.standin;

import java.nio.file.Path;
import java.util.List;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphMeta;
import com.huaweicloud.sdk.functiongraph.v2.model.ListReservedInstanceConfigsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ReservedInstanceConfigs;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionReservedInstancesCountResponse;
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
        client = SdkClients.of(standIn);
        SdkClients.createFunction(client, "warm");
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
