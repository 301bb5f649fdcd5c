package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Setting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** IAM: the project id of a region. */
public final class IamClient {
    private final HttpTransport transport;
    private final URI endpoint;

    public IamClient(HttpTransport transport, URI endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
    }

    /** {@code GET /v3/projects?name=<region>}: exactly one project is expected; anything else is explained. */
    public String projectIdOf(String region) throws FunctionGraphException {
        String query;
        try {
            query = URLEncoder.encode(region, "UTF-8");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ApiRequest request = new ApiRequest(ApiRequest.Service.IAM, "GET",
                URI.create(endpoint + "/v3/projects?name=" + query), Collections.<String, String>emptyMap(), null,
                true);
        ApiResponse response = transport.call(request);
        List<String> ids = new ArrayList<>();
        try {
            JsonNode projects = Json.MAPPER.readTree(response.body).path("projects");
            for (JsonNode p : projects) {
                if (p.hasNonNull("id")) {
                    ids.add(p.get("id").asText());
                }
            }
        } catch (IOException e) {
            throw new FunctionGraphException("IAM answered " + request.describe() + " with a body that is not JSON",
                    false, e);
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        String found = ids.isEmpty() ? "no project" : ids.size() + " projects (" + String.join(", ", ids) + ")";
        throw new FunctionGraphException("IAM found " + found + " named '" + region + "' for this account ("
                + request.describe() + "). Set " + Setting.PROJECT_ID + " or HUAWEICLOUD_SDK_PROJECT_ID to "
                + "the project id shown in the console under My Credentials > API Credentials, or check " + Setting.REGION + ".");
    }
}
