package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.TagsRequest;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphMeta;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateTagsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.DeleteTagsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.KvItem;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionTagsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionTagsRequestBody;
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
 * The stand-in's function tag calls driven by the official SDK's client (so paths and JSON are the SDK's), and the
 * plugin's bodies checked against the SDK's models.
 */
class TagsApiFunctionTest {
    static final String URN = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:tagged:latest";

    @TempDir
    Path dir;
    CloudStandIn standIn;
    FunctionGraphClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = CloudStandIn.start(dir);
        client = SdkClients.of(standIn);
        SdkClients.createFunction(client, "tagged");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private String id() {
        return client.showFunctionConfig(new ShowFunctionConfigRequest().withFunctionUrn(URN)).getFuncId();
    }

    private static UpdateFunctionTagsRequestBody body(String action, String... kv) {
        UpdateFunctionTagsRequestBody b = new UpdateFunctionTagsRequestBody().withAction(action);
        List<KvItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            items.add(new KvItem().withKey(kv[i]).withValue(kv[i + 1]));
        }
        return b.withTags(items);
    }

    private List<KvItem> listed() {
        return client.listFunctionTags(new ListFunctionTagsRequest().withResourceType("functions")
                .withResourceId(id())).getTags();
    }

    @Test
    void sdkCreatesChangesListsAndDeletesTags() {
        client.createTags(new CreateTagsRequest().withResourceType("functions").withResourceId(id())
                .withBody(body("create", "team", "payments", "env", "prod")));
        assertThat(listed()).extracting(KvItem::getKey).containsExactly("team", "env");
        client.createTags(new CreateTagsRequest().withResourceType("functions").withResourceId(id())
                .withBody(body("create", "team", "billing")));
        assertThat(listed()).extracting(KvItem::getValue).containsExactly("billing", "prod");
        client.deleteTags(new DeleteTagsRequest().withResourceType("functions").withResourceId(id())
                .withBody(body("delete", "env", "")));
        assertThat(listed()).extracting(KvItem::getKey).containsExactly("team");
        assertThat(standIn.functionTags("tagged")).containsEntry("team", "billing");
    }

    @Test
    void aUrnAsResourceIdMoreThanTwentyTagsAndABadKeyAreRefused() {
        assertThatThrownBy(() -> client.listFunctionTags(new ListFunctionTagsRequest().withResourceType("functions")
                .withResourceId(URN))).isInstanceOf(ServiceResponseException.class);
        String[] many = new String[42];
        for (int i = 0; i < 21; i++) {
            many[2 * i] = "k" + i;
            many[2 * i + 1] = "v";
        }
        assertThatThrownBy(() -> client.createTags(new CreateTagsRequest().withResourceType("functions")
                .withResourceId(id()).withBody(body("create", many)))).isInstanceOf(ServiceResponseException.class);
        assertThatThrownBy(() -> client.createTags(new CreateTagsRequest().withResourceType("functions")
                .withResourceId(id()).withBody(body("create", "_sys_x", "v"))))
                .isInstanceOf(ServiceResponseException.class);
        assertThat(listed()).isEmpty();
    }

    @Test
    void thePluginsBodyHasTheSdksJsonNamesAndThePathsAreTheSdks() throws Exception {
        TagsRequest ours = new TagsRequest();
        ours.action = "create";
        ours.tags.add(new TagsRequest.Tag("team", "payments"));
        String sdk = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body("create", "team",
                "payments"));
        assertThat((JsonNode) Json.API.valueToTree(ours)).isEqualTo(Json.API.readTree(sdk));
        assertThat(FunctionGraphMeta.createTags.getUri())
                .isEqualTo("/v2/{project_id}/{resource_type}/{resource_id}/tags/create");
        assertThat(FunctionGraphMeta.createTags.getMethod().name()).isEqualTo("POST");
        assertThat(FunctionGraphMeta.listFunctionTags.getUri())
                .isEqualTo("/v2/{project_id}/{resource_type}/{resource_id}/tags");
    }
}
