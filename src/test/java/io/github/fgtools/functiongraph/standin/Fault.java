package io.github.fgtools.functiongraph.standin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A one-shot misbehaviour of the stand-in, queued with
 * {@link CloudStandIn#enqueueFault(String, String, Fault)}. Each queued fault is consumed by the first
 * request that matches its method and path, in queue order.
 *
 * <ul>
 *   <li>{@link #status(int, String, Map)}: the request body is read, then this status, body and headers are
 *       answered instead of the normal handling (nothing is created). Use it for 503, 429 with
 *       {@code Retry-After}, 401 {@code APIG.0301}, 403, HTML error pages, malformed JSON.</li>
 *   <li>{@link #delay(long)}: waits, then handles the request normally.</li>
 *   <li>{@link #hang()}: never answers; the connection is closed only when the stand-in is closed.</li>
 *   <li>{@link #drop()}: reads the request body, then closes the connection without any response bytes.</li>
 *   <li>{@link #dropAfterHandling()}: handles the request normally (the function is created, the object
 *       stored, ...), then closes the connection instead of sending the response: "outcome unknown".</li>
 * </ul>
 */
public final class Fault {

    /** The kinds of fault. */
    public enum Kind { STATUS, DELAY, HANG, DROP, DROP_AFTER_HANDLING }

    private final Kind kind;
    private final int status;
    private final String body;
    private final Map<String, String> headers;
    private final long delayMillis;

    private Fault(Kind kind, int status, String body, Map<String, String> headers, long delayMillis) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.delayMillis = delayMillis;
    }

    /**
     * Answers {@code status} with {@code body} (may be null or empty) and {@code headers} (may be null).
     * Without a {@code Content-Type} header, a body starting with '{' or '[' is sent as
     * {@code application/json}, one starting with '&lt;' as {@code text/html}, anything else as
     * {@code text/plain}.
     */
    public static Fault status(int status, String body, Map<String, String> headers) {
        return new Fault(Kind.STATUS, status, body == null ? "" : body,
                headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers)), 0);
    }

    /** Answers {@code status} with {@code body} and no extra headers. */
    public static Fault status(int status, String body) {
        return status(status, body, null);
    }

    /** 429 with {@code Retry-After: <seconds>} and an APIG-style throttling body. */
    public static Fault throttled(int retryAfterSeconds) {
        return status(429, "{\"error_code\":\"APIG.0308\",\"error_msg\":\"The throttling threshold has been reached: "
                + "policy user over ratelimit,limit:20,time:1 minute\"}", Map.of("Retry-After",
                String.valueOf(retryAfterSeconds), "Content-Type", "application/json"));
    }

    /** 401 as the API gateway answers a refused signature. */
    public static Fault unauthorized() {
        return status(401, "{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                + "verify aksk signature fail\"}", Map.of("Content-Type", "application/json"));
    }

    /** 403 whose error_msg names the IAM action that is not allowed, e.g. {@code functiongraph:function:create}. */
    public static Fault forbidden(String action) {
        return status(403, "{\"error_code\":\"FSS.0403\",\"error_msg\":\"Forbidden: policy doesn't allow " + action
                + " to be performed.\"}", Map.of("Content-Type", "application/json"));
    }

    /** An HTML error page, as a load balancer or proxy in front of the API answers. */
    public static Fault htmlPage(int status) {
        return status(status, "<html><head><title>" + status + "</title></head><body><h1>" + status
                + " Error</h1><hr><center>nginx</center></body></html>", Map.of("Content-Type", "text/html"));
    }

    /** A body announced as JSON that does not parse. */
    public static Fault malformedJson(int status) {
        return status(status, "{\"error_code\": \"FSS.05", Map.of("Content-Type", "application/json"));
    }

    /** Waits {@code millis}, then handles the request normally. */
    public static Fault delay(long millis) {
        return new Fault(Kind.DELAY, 0, null, Map.of(), millis);
    }

    /** Never answers (until the stand-in is closed). */
    public static Fault hang() {
        return new Fault(Kind.HANG, 0, null, Map.of(), 0);
    }

    /** Reads the request, then closes the connection without a response. */
    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, Map.of(), 0);
    }

    /** Handles the request (its effect happens), then closes the connection without a response. */
    public static Fault dropAfterHandling() {
        return new Fault(Kind.DROP_AFTER_HANDLING, 0, null, Map.of(), 0);
    }

    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** The name used in the journal's {@code fault} field: status, delay, hang, drop, dropAfterHandling. */
    public String journalName() {
        switch (kind) {
            case STATUS: return "status";
            case DELAY: return "delay";
            case HANG: return "hang";
            case DROP: return "drop";
            default: return "dropAfterHandling";
        }
    }

    @Override
    public String toString() {
        return kind == Kind.STATUS ? "Fault[status " + status + "]"
                : kind == Kind.DELAY ? "Fault[delay " + delayMillis + " ms]" : "Fault[" + journalName() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fault)) {
            return false;
        }
        Fault f = (Fault) o;
        return kind == f.kind && status == f.status && delayMillis == f.delayMillis
                && Objects.equals(body, f.body) && headers.equals(f.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, body, headers, delayMillis);
    }
}
