package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.Setting;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One call: service, method, full URI, the headers to send (and sign), an optional body, and retry safety. */
public final class ApiRequest {
    public enum Service {
        FUNCTIONGRAPH("FunctionGraph", Setting.ENDPOINT), IAM("IAM", Setting.IAM_ENDPOINT),
        OBS("OBS", Setting.OBS_ENDPOINT);

        public final String displayName;
        /** The setting of this service's endpoint, for messages. */
        public final Setting endpoint;

        Service(String displayName, Setting endpoint) {
            this.displayName = displayName;
            this.endpoint = endpoint;
        }
    }

    public final Service service;
    public final String method;
    public final URI uri;
    public final Map<String, String> headers;
    public final RequestBody body;
    /** False for calls that must not be re-sent blindly once they may have landed (create, publish). */
    public final boolean idempotent;
    /** For OBS calls: the bucket and object key the signature covers; else null. */
    public final String obsBucket;
    public final String obsKey;

    public ApiRequest(Service service, String method, URI uri, Map<String, String> headers, RequestBody body,
            boolean idempotent) {
        this(service, method, uri, headers, body, idempotent, null, null);
    }

    public ApiRequest(Service service, String method, URI uri, Map<String, String> headers, RequestBody body,
            boolean idempotent, String obsBucket, String obsKey) {
        this.obsBucket = obsBucket;
        this.obsKey = obsKey;
        this.service = service;
        this.method = method;
        this.uri = uri;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.idempotent = idempotent;
    }

    /** Method and path, as messages show them: {@code POST /v2/.../fgs/functions}. */
    public String describe() {
        return method + " " + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    }
}
