package io.github.fgtools.functiongraph.standin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as the stand-in saw it, without secrets.
 *
 * @param time          when the request arrived
 * @param service       {@code functiongraph}, {@code iam} or {@code obs}
 * @param method        HTTP method
 * @param path          the raw path as received (percent-encoding untouched)
 * @param query         the raw query string, or null
 * @param headers       request headers by lower-case name (first value); {@code authorization},
 *                      {@code x-security-token}, {@code x-auth-token}, {@code x-obs-security-token},
 *                      {@code x-amz-security-token}, {@code cookie} are replaced by {@code "***"}
 * @param authType      {@code aksk}, {@code token}, {@code obs}, {@code aws-v2} or {@code none}
 * @param accessKey     the access key presented, or null
 * @param signedHeaders the SignedHeaders list of an SDK-HMAC-SHA256 request, else an empty list
 * @param bodySize      bytes of request body received
 * @param body          for JSON bodies the parsed body, with {@code func_code.file} replaced by
 *                      {@code {"size": <decoded bytes>, "sha256": <hex of decoded bytes>, "base64Length": n}}
 *                      and {@code encrypted_user_data}, passwords and tokens by {@code "***"}; else null
 * @param bodySha256    hex SHA-256 of the body for non-JSON bodies (OBS uploads), else null
 * @param status        the status answered; 0 when no response was sent (drop, hang)
 * @param errorCode     the {@code error_code} (FunctionGraph, APIG) or {@code Code} (OBS) answered, or null
 * @param authFailure   why authentication failed, or null
 * @param fault         the injected fault that applied ({@link Fault#journalName()}), or null
 */
public record RecordedRequest(
        Instant time,
        String service,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String authType,
        String accessKey,
        List<String> signedHeaders,
        long bodySize,
        JsonNode body,
        String bodySha256,
        int status,
        String errorCode,
        String authFailure,
        String fault) {

    /** The request header {@code name} (any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value at a JSON pointer ({@code /func_code/file/sha256}) of the recorded body, or null. */
    public JsonNode bodyAt(String jsonPointer) {
        if (body == null) {
            return null;
        }
        JsonNode n = body.at(jsonPointer);
        return n.isMissingNode() ? null : n;
    }

    /** Method and path, e.g. {@code "POST /v2/<p>/fgs/functions"}. */
    public String line() {
        return method + " " + path;
    }

    /** As written to {@code standin-journal.jsonl}: the fields above, time as ISO-8601. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time.toString());
        m.put("service", service);
        m.put("method", method);
        m.put("path", path);
        m.put("query", query);
        m.put("headers", headers);
        m.put("authType", authType);
        m.put("accessKey", accessKey);
        m.put("signedHeaders", signedHeaders);
        m.put("bodySize", bodySize);
        m.put("body", body);
        m.put("bodySha256", bodySha256);
        m.put("status", status);
        m.put("errorCode", errorCode);
        m.put("authFailure", authFailure);
        m.put("fault", fault);
        return m;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (errorCode == null ? "" : " " + errorCode) + (fault == null ? "" : " [" + fault + "]");
    }
}
