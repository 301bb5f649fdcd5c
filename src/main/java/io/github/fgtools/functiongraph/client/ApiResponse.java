package io.github.fgtools.functiongraph.client;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A response read whole (bodies of this API are small; code travels up, not down). */
public final class ApiResponse {
    public final int status;
    private final Map<String, String> headers;
    public final byte[] body;

    public ApiResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The request id the gateway or service gives, for support tickets. */
    public String requestId() {
        for (String name : new String[] {"X-Request-Id", "X-Cff-Request-Id", "x-obs-request-id"}) {
            String v = header(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
