package io.github.fgtools.functiongraph.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;

/**
 * Verifies {@code SDK-HMAC-SHA256} signatures by recomputing them with the official
 * huaweicloud-sdk-core {@link AKSKSigner} over the request as received: the raw path, the query,
 * exactly the headers listed in SignedHeaders with their received values, and the body's SHA-256
 * (or {@code X-Sdk-Content-Sha256} when sent, as the SDK does).
 */
final class AkSkVerifier {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    /** Parsed {@code Authorization} header. */
    record Authorization(String algorithm, String accessKey, List<String> signedHeaders, String signature) {
        static Authorization parse(String header) {
            if (header == null) {
                return null;
            }
            String h = header.trim();
            int sp = h.indexOf(' ');
            if (sp < 0) {
                return new Authorization(h, null, List.of(), null);
            }
            String alg = h.substring(0, sp);
            Map<String, String> parts = new LinkedHashMap<>();
            for (String p : h.substring(sp + 1).split(",")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
                }
            }
            String sh = parts.get("SignedHeaders");
            List<String> signed = sh == null || sh.isEmpty() ? List.of() : Arrays.asList(sh.split(";"));
            return new Authorization(alg, parts.get("Access"), signed, parts.get("Signature"));
        }
    }

    /** Outcome: {@code failure} null when valid. */
    record Result(String failure, String canonicalRequest) {
    }

    /**
     * @param method      HTTP method as received
     * @param rawPath     path as received
     * @param rawQuery    query as received, or null
     * @param headers     received headers by lower-case name (first value)
     * @param auth        parsed Authorization
     * @param sk          the secret key of {@code auth.accessKey()}
     * @param bodySha256  hex SHA-256 of the received body
     * @param now         the stand-in's clock
     */
    static Result verify(String method, String rawPath, String rawQuery, Map<String, String> headers,
            Authorization auth, String sk, String bodySha256, Instant now) {
        if (auth.signature() == null || auth.signature().isEmpty()) {
            return new Result("Authorization header has no Signature", null);
        }
        List<String> signed = auth.signedHeaders();
        if (signed.isEmpty()) {
            return new Result("Authorization header has no SignedHeaders", null);
        }
        List<String> sorted = new ArrayList<>(signed);
        sorted.sort(null);
        for (String s : signed) {
            if (!s.equals(s.toLowerCase(Locale.ROOT))) {
                return new Result("SignedHeaders must be lower case: " + String.join(";", signed), null);
            }
        }
        if (!sorted.equals(signed)) {
            return new Result("SignedHeaders must be sorted: " + String.join(";", signed), null);
        }
        for (String required : List.of("host", "x-sdk-date")) {
            if (!signed.contains(required)) {
                return new Result("SignedHeaders must include " + required + ": " + String.join(";", signed), null);
            }
        }
        for (String s : signed) {
            if (!headers.containsKey(s)) {
                return new Result("signed header " + s + " is not in the request", null);
            }
        }
        String date = headers.get("x-sdk-date");
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Result("X-Sdk-Date '" + date + "' is not yyyyMMdd'T'HHmmss'Z'", null);
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return new Result("X-Sdk-Date " + date + " is more than 15 minutes from the server time "
                    + SDK_DATE.format(now.atOffset(ZoneOffset.UTC)), null);
        }
        for (String mustBeSigned : List.of("x-project-id", "x-security-token", "x-sdk-content-sha256")) {
            if (headers.containsKey(mustBeSigned) && !signed.contains(mustBeSigned)) {
                return new Result("header " + mustBeSigned + " is sent but not signed", null);
            }
        }
        String payloadHash = bodySha256;
        String declared = headers.get("x-sdk-content-sha256");
        if (declared != null) {
            if (!declared.equals("UNSIGNED-PAYLOAD") && !declared.equalsIgnoreCase(bodySha256)) {
                return new Result("X-Sdk-Content-Sha256 " + declared + " does not match the body (sha256 "
                        + bodySha256 + ")", null);
            }
            payloadHash = declared;
        }

        HttpRequest.HttpRequestBuilder b = HttpRequest.newBuilder()
                .withEndpoint("http://127.0.0.1")
                .withPath(rawPath)
                .withMethod(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        for (String s : signed) {
            b.addHeader(s, headers.get(s));
        }
        b.addHeader("X-Sdk-Date", date);
        Map<String, List<String>> query = parseQuery(rawQuery);
        query.forEach(b::addQueryParam);
        HttpRequest request;
        try {
            request = b.build();
        } catch (RuntimeException e) {
            return new Result("request URL cannot be parsed: " + e.getMessage(), null);
        }
        VerifyingSigner signer = new VerifyingSigner(payloadHash, signed, headers);
        Map<String, String> out = signer.sign(request, new BasicCredentials().withAk(auth.accessKey()).withSk(sk));
        Authorization expected = Authorization.parse(out.get("Authorization"));
        String canonical = signer.canonicalRequest == null ? null
                : maskTokens(signer.canonicalRequest, headers);
        if (!expected.signedHeaders().equals(signed)) {
            return new Result("SignedHeaders " + String.join(";", signed) + " cannot be reproduced (got "
                    + String.join(";", expected.signedHeaders()) + ")", canonical);
        }
        if (!MessageDigest.isEqual(expected.signature().getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Result("verify aksk signature fail: the signature does not match the canonical request",
                    canonical);
        }
        return new Result(null, canonical);
    }

    private static String maskTokens(String canonical, Map<String, String> headers) {
        String token = headers.get("x-security-token");
        return token == null || token.isEmpty() ? canonical : canonical.replace(token, "***");
    }

    /** Query parameters decoded, in order, as the SDK's HttpRequest holds them before signing. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
        }
        return m;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * The SDK signer, fed exactly the received signed headers and the received payload hash; it records
     * the canonical request it built.
     */
    private static final class VerifyingSigner extends AKSKSigner {
        private final String payloadHash;
        private final List<String> signed;
        private final Map<String, String> received;
        String canonicalRequest;

        VerifyingSigner(String payloadHash, List<String> signed, Map<String, String> received) {
            super();
            this.payloadHash = payloadHash;
            this.signed = signed;
            this.received = received;
        }

        @Override
        protected Map<String, String> combineAllHeaders(HttpRequest request, Map<String, String> authenticationHeaders) {
            Map<String, String> all = new TreeMap<>();
            for (String s : signed) {
                all.put(s, received.get(s));
            }
            return all;
        }

        @Override
        protected String buildPayloadHash(HttpRequest request) {
            return payloadHash;
        }

        @Override
        protected String buildCanonicalRequest(String... segments) {
            canonicalRequest = super.buildCanonicalRequest(segments);
            return canonicalRequest;
        }
    }

    private AkSkVerifier() {
    }
}
