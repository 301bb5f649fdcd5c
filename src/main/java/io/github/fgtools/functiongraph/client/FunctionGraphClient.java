package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.model.CreateFunctionRequest;
import io.github.fgtools.functiongraph.client.model.CreateTriggerRequest;
import io.github.fgtools.functiongraph.client.model.UpdateTriggerRequest;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionCodeRequest;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionConfigRequest;
import io.github.fgtools.functiongraph.client.model.UpdateMaxInstanceRequest;
import io.github.fgtools.functiongraph.client.model.TagsRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The FunctionGraph v2 calls the plugin makes, below {@code /v2/{project_id}/fgs/functions}. */
public final class FunctionGraphClient {
    /** Versions asked for per page (the API's maximum). */
    private static final int PAGE = 400;
    private static final int MAX_PAGES = 10;
    private final HttpTransport transport;
    private final URI endpoint;
    private final String projectId;

    public FunctionGraphClient(HttpTransport transport, URI endpoint, String projectId) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.projectId = projectId;
    }

    private URI uri(String suffix) {
        return URI.create(endpoint.toString() + "/v2/" + projectId + "/fgs/functions" + suffix);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Project-Id", projectId);
        return h;
    }

    private ApiRequest request(String method, String suffix, RequestBody body, boolean idempotent) {
        return new ApiRequest(ApiRequest.Service.FUNCTIONGRAPH, method, uri(suffix), headers(), body, idempotent);
    }

    private static ObjectNode json(ApiResponse response, ApiRequest request) throws FunctionGraphException {
        if (response.body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(response.body);
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (IOException e) {
            // fall through
        }
        String text = response.bodyText();
        throw new FunctionGraphException("FunctionGraph answered " + request.describe() + " with " + response.status
                + " but a body that is not a JSON object: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)
                + " (a proxy in the way? check " + Setting.ENDPOINT + ")", false, null);
    }

    /** ShowFunctionConfig; null when the function does not exist (404 FSS.1051). */
    public ObjectNode showConfig(String urn) throws FunctionGraphException {
        ApiRequest request = request("GET", "/" + urn + "/config", null, true);
        ApiResponse response = transport.send(request, null);
        if (response.status == 404) {
            ApiException e = transport.toException(request, response);
            if (e.errorCode() == null || "FSS.1051".equals(e.errorCode())) {
                return null;
            }
            throw e;
        }
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
        return json(response, request);
    }

    /**
     * CreateFunction. When the connection drops after the body was sent, the function is looked up before anything
     * is re-sent: if it exists now, that was our create.
     */
    public ObjectNode create(CreateFunctionRequest body, String latestUrn) throws FunctionGraphException {
        ApiRequest request = request("POST", "", jsonBody(body), false);
        ApiResponse response = transport.call(request, () -> {
            ObjectNode existing = showConfig(latestUrn);
            return existing == null ? null : new ApiResponse(200, Collections.<String, String>emptyMap(),
                    existing.toString().getBytes(StandardCharsets.UTF_8));
        });
        return json(response, request);
    }

    public ObjectNode updateCode(String urn, UpdateFunctionCodeRequest body) throws FunctionGraphException {
        ApiRequest request = request("PUT", "/" + urn + "/code", jsonBody(body), true);
        return json(transport.call(request), request);
    }

    public ObjectNode updateConfig(String urn, UpdateFunctionConfigRequest body) throws FunctionGraphException {
        ApiRequest request = request("PUT", "/" + urn + "/config", jsonBody(body), true);
        return json(transport.call(request), request);
    }

    /** UpdateFunctionMaxInstanceConfig: {@code PUT …/{function_urn}/config-max-instance}. */
    public ObjectNode updateMaxInstances(String urn, UpdateMaxInstanceRequest body) throws FunctionGraphException {
        ApiRequest request = request("PUT", "/" + urn + "/config-max-instance", jsonBody(body), true);
        return json(transport.call(request), request);
    }

    /**
     * ListReservedInstanceConfigs for one function: {@code {"reserved_instances": [{"qualifier_type",
     * "qualifier_name", "min_count", "idle_mode", ...}]}}.
     */
    public ObjectNode listReservedInstances(String unqualifiedUrn) throws FunctionGraphException {
        ApiRequest request = request("GET", "/reservedinstanceconfigs?function_urn="
                + unqualifiedUrn.replace(":", "%3A"), null, true);
        return json(transport.call(request), request);
    }

    /** UpdateFunctionReservedInstancesCount: {@code PUT …/{qualified_urn}/reservedinstances}. */
    public ObjectNode updateReservedInstances(String qualifiedUrn, ObjectNode body) throws FunctionGraphException {
        ApiRequest request = request("PUT", "/" + qualifiedUrn + "/reservedinstances", jsonBody(body), true);
        return json(transport.call(request), request);
    }

    /** The tag API's requests: {@code /v2/{project_id}/functions/{resource_id}/tags…} (no {@code fgs}). */
    private ApiRequest tagRequest(String method, String resourceId, String suffix, RequestBody body,
            boolean idempotent) {
        return new ApiRequest(ApiRequest.Service.FUNCTIONGRAPH, method, URI.create(endpoint.toString() + "/v2/"
                + projectId + "/functions/" + resourceId + "/tags" + suffix), headers(), body, idempotent);
    }

    /** ListFunctionTags: {@code {"tags": [{"key", "value"}], "sys_tags": [...]}}. */
    public ObjectNode listTags(String resourceId) throws FunctionGraphException {
        ApiRequest request = tagRequest("GET", resourceId, "", null, true);
        return json(transport.call(request), request);
    }

    /** CreateTags: adds the tags, or sets the value of a key the function has. */
    public void createTags(String resourceId, TagsRequest body) throws FunctionGraphException {
        ApiRequest request = tagRequest("POST", resourceId, "/create", jsonBody(body), true);
        ApiResponse response = transport.call(request);
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
    }

    /** CreateFunctionVersion; the caller handles FSS.1016 (nothing changed). */
    public ObjectNode publishVersion(String unqualifiedUrn, ObjectNode body) throws FunctionGraphException {
        ApiRequest request = request("POST", "/" + unqualifiedUrn + "/versions", jsonBody(body), false);
        return json(transport.call(request), request);
    }

    /**
     * ListFunctionVersions, every page: {@code {"versions": [...]}} in the order the service lists them (publishing
     * order, {@code latest} included), each with its {@code version} name and {@code last_modified}. A function has
     * at most 20 versions, so one page of 400 holds them; further pages are read while {@code count} says there are
     * more and {@code next_marker} moves on.
     */
    public ObjectNode listVersions(String unqualifiedUrn) throws FunctionGraphException {
        ObjectNode all = Json.MAPPER.createObjectNode();
        ArrayNode versions = all.putArray("versions");
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiRequest request = request("GET", "/" + unqualifiedUrn + "/versions?maxitems=" + PAGE
                    + (marker == null ? "" : "&marker=" + marker), null, true);
            ObjectNode answer = json(transport.call(request), request);
            JsonNode items = answer.path("versions");
            items.forEach(versions::add);
            String next = answer.path("next_marker").asText("");
            long count = answer.path("count").asLong(-1);
            if (items.size() == 0 || count < 0 || versions.size() >= count || next.isEmpty() || next.equals(marker)
                    || "0".equals(next)) {
                break;
            }
            marker = next;
        }
        return all;
    }

    /** ListVersionAliases: every alias of the function ({@code name}, {@code version}, weights). */
    public ArrayNode listAliases(String unqualifiedUrn) throws FunctionGraphException {
        ApiRequest request = request("GET", "/" + unqualifiedUrn + "/aliases", null, true);
        ApiResponse response = transport.call(request);
        try {
            JsonNode node = response.body.length == 0 ? Json.MAPPER.createArrayNode()
                    : Json.MAPPER.readTree(response.body);
            if (node != null && node.isArray()) {
                return (ArrayNode) node;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new FunctionGraphException("FunctionGraph answered " + request.describe() + " with " + response.status
                + " but a body that is not a JSON array of aliases (a proxy in the way? check " + Setting.ENDPOINT
                + ")", false, null);
    }

    /** ShowVersionAlias; null when absent. */
    public ObjectNode showAlias(String unqualifiedUrn, String alias) throws FunctionGraphException {
        ApiRequest request = request("GET", "/" + unqualifiedUrn + "/aliases/" + alias, null, true);
        ApiResponse response = transport.send(request, null);
        if (response.status == 404) {
            return null;
        }
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
        return json(response, request);
    }

    public ObjectNode createAlias(String unqualifiedUrn, ObjectNode body) throws FunctionGraphException {
        ApiRequest request = request("POST", "/" + unqualifiedUrn + "/aliases", jsonBody(body), true);
        return json(transport.call(request), request);
    }

    public ObjectNode updateAlias(String unqualifiedUrn, String alias, ObjectNode body) throws FunctionGraphException {
        ApiRequest request = request("PUT", "/" + unqualifiedUrn + "/aliases/" + alias, jsonBody(body), true);
        return json(transport.call(request), request);
    }

    /**
     * DeleteFunction with a version's URN ({@code …:<name>}) deletes that version, and the service deletes the aliases
     * on it with it; false when it was gone already. {@code latest} cannot be deleted this way.
     */
    public boolean deleteVersion(String versionUrn) throws FunctionGraphException {
        return delete(versionUrn);
    }

    /** DeleteFunction; false when there was nothing to delete. */
    public boolean delete(String urn) throws FunctionGraphException {
        ApiRequest request = request("DELETE", "/" + urn, null, true);
        ApiResponse response = transport.send(request, null);
        if (response.status == 404) {
            return false;
        }
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
        return true;
    }

    // ---------------------------------------------------------------- triggers (SDK FunctionGraphMeta)

    private ApiRequest triggerRequest(String method, String suffix, RequestBody body, boolean idempotent) {
        URI uri = URI.create(endpoint.toString() + "/v2/" + projectId + "/fgs/triggers/" + suffix);
        return new ApiRequest(ApiRequest.Service.FUNCTIONGRAPH, method, uri, headers(), body, idempotent);
    }

    /** ListFunctionTriggers: {@code GET /v2/{project_id}/fgs/triggers/{function_urn}}, a JSON array. */
    public ArrayNode listTriggers(String qualifiedUrn) throws FunctionGraphException {
        ApiRequest request = triggerRequest("GET", qualifiedUrn, null, true);
        ApiResponse response = transport.call(request);
        try {
            JsonNode node = response.body.length == 0 ? null : Json.MAPPER.readTree(response.body);
            if (node == null || node.isNull()) {
                return Json.MAPPER.createArrayNode();
            }
            if (node.isArray()) {
                return (ArrayNode) node;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new FunctionGraphException("FunctionGraph answered " + request.describe() + " with " + response.status
                + " but not a JSON array of triggers (a proxy in the way? check " + Setting.ENDPOINT + ")", false,
                null);
    }

    /** CreateFunctionTrigger: {@code POST /v2/{project_id}/fgs/triggers/{function_urn}}. Not retried blindly. */
    public ObjectNode createTrigger(String qualifiedUrn, CreateTriggerRequest body) throws FunctionGraphException {
        ApiRequest request = triggerRequest("POST", qualifiedUrn, jsonBody(body), false);
        return json(transport.call(request), request);
    }

    /** UpdateTrigger: {@code PUT …/triggers/{function_urn}/{trigger_type_code}/{trigger_id}}. */
    public ObjectNode updateTrigger(String qualifiedUrn, String type, String id, UpdateTriggerRequest body)
            throws FunctionGraphException {
        ApiRequest request = triggerRequest("PUT", qualifiedUrn + "/" + type + "/" + id, jsonBody(body), true);
        return json(transport.call(request), request);
    }

    /** DeleteFunctionTrigger: {@code DELETE …/triggers/{function_urn}/{trigger_type_code}/{trigger_id}}. */
    public void deleteTrigger(String qualifiedUrn, String type, String id) throws FunctionGraphException {
        ApiRequest request = triggerRequest("DELETE", qualifiedUrn + "/" + type + "/" + id, null, true);
        ApiResponse response = transport.send(request, null);
        if (response.status == 404) {
            return;
        }
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
    }

    /** Synchronous invocation, v1 response with the log tail. */
    public Invocation invoke(String qualifiedUrn, byte[] payload) throws FunctionGraphException {
        Map<String, String> h = headers();
        h.put("X-CFF-Request-Version", "v1");
        h.put("X-Cff-Log-Type", "tail");
        ApiRequest request = new ApiRequest(ApiRequest.Service.FUNCTIONGRAPH, "POST",
                uri("/" + qualifiedUrn + "/invocations"), h, new BytesBody(payload, "application/json"),
                false);
        ApiResponse response = transport.call(request);
        return new Invocation(json(response, request), response);
    }

    /** The answer of an invocation. */
    public static final class Invocation {
        public final ObjectNode body;
        public final boolean functionError;
        public final String requestId;

        Invocation(ObjectNode body, ApiResponse response) {
            this.body = body;
            String isErr = response.header("X-Is-Func-Err");
            JsonNode status = body.get("status");
            // v1 answers status 200 on success (some regions 0); X-Is-Func-Err is authoritative when present
            this.functionError = isErr != null ? "true".equalsIgnoreCase(isErr.trim())
                    : status != null && status.asInt(200) != 200 && status.asInt(200) != 0;
            String id = response.header("X-Cff-Request-Id");
            this.requestId = id != null ? id : body.path("request_id").asText(null);
        }
    }

    /** A typed request or a tree, measured for signing; an unreadable package file fails here, before sending. */
    private static JsonBody jsonBody(Object body) throws FunctionGraphException {
        try {
            return JsonBody.of(body);
        } catch (IOException e) {
            throw new FunctionGraphException("cannot write the request body: " + e.getMessage(), false, e);
        }
    }
}
