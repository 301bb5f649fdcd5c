package io.github.fgtools.functiongraph.client;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs API requests with an access key pair the way the official Java SDK ({@code huaweicloud-sdk-core}
 * {@code AKSKSigner} with {@code BasicCredentials}) does: algorithm {@value #ALGORITHM}.
 *
 * <p>What is signed, as in the SDK:
 * <ul>
 * <li>the method;</li>
 * <li>the path: each segment of the raw path percent-decoded, then encoded with {@code URLEncoder} ({@code +} as
 * {@code %20}, {@code *} as {@code %2A}, {@code ~} kept), each followed by {@code /}: so
 * {@code /v2/p/fgs/functions/urn:fss:…:!prod/invocations} is signed as
 * {@code /v2/p/fgs/functions/urn%3Afss%3A…%3A%21prod/invocations/} while the URL is sent with {@code :} and
 * {@code !} raw;</li>
 * <li>the query: names and values decoded, re-encoded the same way, sorted by encoded name (values of one name in
 * request order), {@code name=value} joined by {@code &}; a name without {@code =} signs as {@code name=};
 * {@code +} in the raw query is read as a space;</li>
 * <li>every header given <em>except</em> {@code Content-Type} and names containing {@code _}, plus {@code host},
 * {@code x-sdk-date} and {@code x-security-token}: names lowercased, values as given (not trimmed), sorted;</li>
 * <li>the payload hash, or the value of an {@code X-Sdk-Content-Sha256} header when the request carries one
 * ({@code UNSIGNED-PAYLOAD} is allowed: the SDK sets it for bodies that are not JSON).</li>
 * </ul>
 *
 * <p>{@code Host} is the URI's authority as written: {@code host}, or {@code host:port} whenever the URI names a
 * port, even the scheme's default one. The SDK signs {@code URL.getAuthority()} and Apache HttpClient 5 sends that
 * same value as the {@code Host} header, so the URI given here must be the URI the client sends.
 */
public final class AkSkSigner {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    public static final String X_SDK_DATE = "X-Sdk-Date";
    public static final String AUTHORIZATION = "Authorization";
    public static final String X_SECURITY_TOKEN = "X-Security-Token";
    /** When a request carries this header, its value replaces the body hash (the SDK uses {@code UNSIGNED-PAYLOAD}). */
    public static final String X_SDK_CONTENT_SHA256 = "X-Sdk-Content-Sha256";

    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Headers this signer sets or derives itself; a caller that passes them has made a mistake. */
    private static final List<String> RESERVED = Collections.unmodifiableList(java.util.Arrays.asList(
            "host", "x-sdk-date", "authorization", "x-security-token"));

    private AkSkSigner() {
    }

    /**
     * Returns the headers to ADD to the request: {@code X-Sdk-Date}, {@code X-Security-Token} when the credentials
     * carry one, and {@code Authorization} (in that order; the map is unmodifiable).
     *
     * @param method           GET, POST, PUT, DELETE, … (signed in upper case)
     * @param uri              the absolute URI as sent; the path raw, {@code :} and {@code !} unencoded
     * @param headers          the other headers the request sends (e.g. Content-Type, X-Project-Id,
     *                         X-CFF-Request-Version, User-Agent); must not contain Host, X-Sdk-Date, Authorization or
     *                         X-Security-Token, nor two names differing only in case
     * @param payloadSha256Hex lowercase hex SHA-256 of the body bytes, {@link Digests#EMPTY_SHA256} without a body;
     *                         ignored when {@code headers} has {@code X-Sdk-Content-Sha256}
     * @param credentials      access key credentials (not an IAM token)
     * @param now              the signing time, sent as {@code X-Sdk-Date} (second precision, UTC)
     * @throws IllegalArgumentException when an argument breaks the rules above
     */
    public static Map<String, String> sign(String method, URI uri, Map<String, String> headers,
                                           String payloadSha256Hex, Credentials credentials, Instant now) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(now, "now");
        if (credentials.isToken()) {
            throw new IllegalArgumentException("IAM token credentials are sent as X-Auth-Token, not AK/SK-signed");
        }
        String host = hostHeader(uri);

        Map<String, String> signed = new TreeMap<>();
        String contentSha256 = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = Objects.requireNonNull(header.getKey(), "header name");
            String value = Objects.requireNonNull(header.getValue(), () -> "value of header " + name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower)) {
                throw new IllegalArgumentException("header " + name + " is set by the signer; do not pass it");
            }
            if (lower.equals(X_SDK_CONTENT_SHA256.toLowerCase(Locale.ROOT))) {
                contentSha256 = value;
            }
            if (lower.equals("content-type") || name.contains("_")) {
                continue;
            }
            if (signed.put(lower, value) != null) {
                throw new IllegalArgumentException("header " + name + " is given twice (names differing in case)");
            }
        }
        String payloadHash = contentSha256 != null ? contentSha256 : checkedHash(payloadSha256Hex);

        String date = SDK_DATE.format(now);
        signed.put("host", host);
        signed.put("x-sdk-date", date);
        String securityToken = credentials.securityToken();
        if (securityToken != null) {
            signed.put("x-security-token", securityToken);
        }

        StringBuilder canonicalHeaders = new StringBuilder();
        for (Map.Entry<String, String> header : signed.entrySet()) {
            canonicalHeaders.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest = String.join("\n",
                method.toUpperCase(Locale.ROOT),
                canonicalPath(uri.getRawPath()),
                canonicalQuery(uri.getRawQuery()),
                canonicalHeaders.toString(),
                signedHeaders,
                payloadHash);
        String stringToSign = ALGORITHM + "\n" + date + "\n"
                + Digests.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String signature = Digests.hex(hmacSha256(credentials.secretKey(), stringToSign));

        Map<String, String> added = new LinkedHashMap<>();
        added.put(X_SDK_DATE, date);
        if (securityToken != null) {
            added.put(X_SECURITY_TOKEN, securityToken);
        }
        added.put(AUTHORIZATION, ALGORITHM + " Access=" + credentials.accessKey()
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return Collections.unmodifiableMap(added);
    }

    /** The {@code Host} value the client sends for {@code uri}: its authority, with the port when one is written. */
    static String hostHeader(URI uri) {
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URI with a host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URI must not contain user info: " + uri.getHost());
        }
        return uri.getRawAuthority();
    }

    /** Each segment decoded and re-encoded, each followed by '/'; "/" stays "/" (segmenting as String.split does). */
    static String canonicalPath(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        if (path.equals("/")) {
            return path;
        }
        StringBuilder canonical = new StringBuilder();
        for (String segment : path.split("/")) {
            canonical.append(encode(percentDecode(segment))).append('/');
        }
        return canonical.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            sorted.computeIfAbsent(encode(formDecode(name)), k -> new ArrayList<>()).add(encode(formDecode(value)));
        }
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : sorted.entrySet()) {
            for (String value : entry.getValue()) {
                if (canonical.length() > 0) {
                    canonical.append('&');
                }
                canonical.append(entry.getKey()).append('=').append(value);
            }
        }
        return canonical.toString();
    }

    /** The SDK's {@code SignUtils.urlEncode(value, false)}: URLEncoder, then {@code +}→%20, {@code *}→%2A, %7E→~. */
    static String encode(String value) {
        return urlEncode(value).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String urlEncode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-decoding (a path's '+' is a plus sign). */
    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        return formDecode(segment.replace("+", "%2B"));
    }

    /** Query decoding: percent-escapes and '+' as a space, like URLDecoder and the gateway's query parser. */
    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding in URI: " + value, e);
        }
    }

    private static String checkedHash(String payloadSha256Hex) {
        if (payloadSha256Hex == null || !SHA256_HEX.matcher(payloadSha256Hex).matches()) {
            throw new IllegalArgumentException(
                    "payloadSha256Hex must be 64 lowercase hex digits, got: " + payloadSha256Hex);
        }
        return payloadSha256Hex;
    }

    private static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
