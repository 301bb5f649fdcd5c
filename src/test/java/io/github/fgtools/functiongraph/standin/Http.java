package io.github.fgtools.functiongraph.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request and response values passed between the stand-in's server and its services. */
final class Http {

    /** Jackson with the string-length limit lifted: func_code.file may be ~70 MB of base64. */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build());

    /** A request as received; the body is in memory ({@code body}) or, for OBS uploads, in {@code bodyFile}. */
    static final class Incoming {
        final String method;
        final String rawPath;
        final String rawQuery;
        /** lower-case name to first value. */
        final Map<String, String> headers;
        final byte[] body;
        final Path bodyFile;
        final long bodySize;
        final String bodySha256;
        final String bodyMd5Base64;
        private JsonNode json;
        private boolean jsonParsed;
        private String jsonError;

        Incoming(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                Path bodyFile, long bodySize, String bodySha256, String bodyMd5Base64) {
            this.method = method;
            this.rawPath = rawPath;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.body = body;
            this.bodyFile = bodyFile;
            this.bodySize = bodySize;
            this.bodySha256 = bodySha256;
            this.bodyMd5Base64 = bodyMd5Base64;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The body parsed as JSON, or null when empty or not JSON (then {@link #jsonError()} says why). */
        synchronized JsonNode json() {
            if (!jsonParsed) {
                jsonParsed = true;
                if (body != null && body.length > 0) {
                    try {
                        json = JSON.readTree(body);
                    } catch (IOException e) {
                        jsonError = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                                : e.getMessage();
                    }
                }
            }
            return json;
        }

        synchronized String jsonError() {
            json();
            return jsonError;
        }

        boolean hasBody() {
            return bodySize > 0;
        }
    }

    /** A response to send. */
    static final class Reply {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        Path file;
        /** For HEAD: the Content-Length to announce. */
        long headLength = -1;
        String errorCode;
        String authType = "none";
        String accessKey;
        java.util.List<String> signedHeaders = java.util.List.of();
        String authFailure;

        Reply(int status) {
            this.status = status;
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        static Reply json(int status, JsonNode body) {
            Reply r = new Reply(status);
            try {
                r.body = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            r.headers.put("Content-Type", "application/json;charset=UTF-8");
            return r;
        }

        /** FunctionGraph / APIG error body {@code {"error_code", "error_msg"}}. */
        static Reply error(int status, String code, String msg) {
            ObjectNode n = JSON.createObjectNode();
            n.put("error_code", code);
            n.put("error_msg", msg);
            Reply r = json(status, n);
            r.errorCode = code;
            return r;
        }

        static Reply noContent() {
            return new Reply(204);
        }

        static Reply text(int status, String contentType, String text) {
            Reply r = new Reply(status);
            r.body = text.getBytes(StandardCharsets.UTF_8);
            r.headers.put("Content-Type", contentType);
            return r;
        }
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    private Http() {
    }
}
