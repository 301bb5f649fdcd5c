package io.github.fgtools.functiongraph.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs OBS object requests with the native OBS signature, as {@code esdk-obs-java}
 * ({@code AbstractAuthentication}/{@code ObsAuthentication}, called from {@code RestStorageService}) does:
 * {@code Authorization: OBS <AK>:<base64 HMAC-SHA1(SK, stringToSign)>} with
 * <pre>
 * VERB\n Content-MD5\n Content-Type\n Date\n x-obs-name:value\n… /bucket/key
 * </pre>
 * {@code Date} is empty when the request carries {@code x-obs-date}; the {@code x-obs-*} headers are lowercased and
 * sorted, their values trimmed; no other header is signed.
 *
 * <p>The resource is {@code /<bucket>/<path form of the key>}, where the path form is {@link #encodeObjectKey}: the
 * request must be sent to {@code https://<bucket>.<endpoint>/} + {@code encodeObjectKey(key)}, byte for byte, because
 * OBS checks the signature against the raw path it receives. (The SDK's own uploads encode {@code /} as {@code %2F};
 * its pre-signed URLs keep it. Both verify; this signer keeps slashes.) Sub-resource queries ({@code ?acl},
 * {@code ?uploads}, …) are not supported: this signs plain object requests (PUT, GET, HEAD, DELETE).
 */
public final class ObsSigner {
    public static final String DATE = "Date";
    public static final String AUTHORIZATION = "Authorization";
    public static final String X_OBS_SECURITY_TOKEN = "x-obs-security-token";

    private static final String OBS_PREFIX = "x-obs-";
    /**
     * The SDK's {@code "EEE, dd MMM yyyy HH:mm:ss z"} in GMT: note {@code dd}, a two-digit day, where
     * {@link DateTimeFormatter#RFC_1123_DATE_TIME} would write {@code 5 Jan}.
     */
    private static final DateTimeFormatter OBS_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private ObsSigner() {
    }

    /**
     * Returns the headers to ADD: {@code Date}, {@code x-obs-security-token} for temporary credentials, and
     * {@code Authorization} (in that order; the map is unmodifiable).
     *
     * @param method      PUT, GET, HEAD, DELETE (signed in upper case)
     * @param bucket      the bucket, as in the virtual host name
     * @param objectKey   the object key, unencoded (e.g. {@code functions/my fn/code.zip}); null or empty for the
     *                    bucket itself. It must be sent as {@link #encodeObjectKey(String) encodeObjectKey(objectKey)}
     * @param headers     the other headers sent: Content-MD5, Content-Type, any x-obs-*; others are ignored. Must not
     *                    contain Date, Authorization or x-obs-security-token, nor names differing only in case
     * @param credentials access key credentials (not an IAM token)
     * @param now         the signing time, sent as {@code Date} (OBS allows 15 minutes of clock skew)
     * @throws IllegalArgumentException when an argument breaks the rules above
     */
    public static Map<String, String> sign(String method, String bucket, String objectKey, Map<String, String> headers,
                                           Credentials credentials, Instant now) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(now, "now");
        if (credentials.isToken()) {
            throw new IllegalArgumentException("OBS requests need access key credentials, not an IAM token");
        }
        if (bucket.isEmpty() || bucket.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a bucket name: '" + bucket + "'");
        }

        String contentMd5 = "";
        String contentType = "";
        boolean hasObsDate = false;
        Map<String, String> obsHeaders = new TreeMap<>();
        Map<String, String> seen = new TreeMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = Objects.requireNonNull(header.getKey(), "header name");
            String value = Objects.requireNonNull(header.getValue(), () -> "value of header " + name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (seen.put(lower, name) != null) {
                throw new IllegalArgumentException("header " + name + " is given twice (names differing in case)");
            }
            if (lower.equals("date") || lower.equals("authorization") || lower.equals(X_OBS_SECURITY_TOKEN)) {
                throw new IllegalArgumentException("header " + name + " is set by the signer; do not pass it");
            }
            if (lower.equals("content-md5")) {
                contentMd5 = value;
            } else if (lower.equals("content-type")) {
                contentType = value;
            } else if (lower.startsWith(OBS_PREFIX)) {
                obsHeaders.put(lower, value.trim());
                hasObsDate |= lower.equals("x-obs-date");
            }
        }
        String date = OBS_DATE.format(now);
        String securityToken = credentials.securityToken();
        if (securityToken != null) {
            obsHeaders.put(X_OBS_SECURITY_TOKEN, securityToken.trim());
        }

        StringBuilder stringToSign = new StringBuilder()
                .append(method.toUpperCase(Locale.ROOT)).append('\n')
                .append(contentMd5).append('\n')
                .append(contentType).append('\n')
                .append(hasObsDate ? "" : date).append('\n');
        for (Map.Entry<String, String> header : obsHeaders.entrySet()) {
            stringToSign.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        stringToSign.append('/').append(bucket).append('/');
        if (objectKey != null) {
            stringToSign.append(encodeObjectKey(objectKey));
        }
        String signature = Base64.getEncoder().encodeToString(
                hmacSha1(credentials.secretKey(), stringToSign.toString()));

        Map<String, String> added = new LinkedHashMap<>();
        added.put(DATE, date);
        if (securityToken != null) {
            added.put(X_OBS_SECURITY_TOKEN, securityToken);
        }
        added.put(AUTHORIZATION, "OBS " + credentials.accessKey() + ":" + signature);
        return Collections.unmodifiableMap(added);
    }

    /**
     * The path form of an object key, without the leading {@code /}: UTF-8 percent-encoding as the SDK's
     * {@code RestUtils.encodeUrlPath(key, "/")} (URLEncoder, then {@code +}→%20, %7E→~, {@code *}→%2A), slashes
     * kept. {@code "a dir/my+file~.zip"} → {@code "a%20dir/my%2Bfile~.zip"}.
     *
     * @throws IllegalArgumentException for a key with a {@code .} or {@code ..} segment, which an HTTP client may
     *                                  normalise away (the signed path would then differ from the one sent)
     */
    public static String encodeObjectKey(String key) {
        Objects.requireNonNull(key, "key");
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("object key with a '.' or '..' segment: " + key);
            }
        }
        return AkSkSigner.urlEncode(key)
                .replace("+", "%20")
                .replace("%7E", "~")
                .replace("*", "%2A")
                .replace("%2F", "/");
    }

    private static byte[] hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
