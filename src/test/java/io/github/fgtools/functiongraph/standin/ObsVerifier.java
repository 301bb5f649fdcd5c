package io.github.fgtools.functiongraph.standin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.obs.services.internal.Constants;
import com.obs.services.internal.utils.AbstractAuthentication;
import com.obs.services.internal.utils.ObsAuthentication;
import com.obs.services.internal.utils.V2Authentication;

/**
 * Verifies {@code Authorization: OBS AK:signature} (and the AWS V2 form {@code AWS AK:signature} that OBS
 * also accepts) with esdk-obs-java's own canonical-string code ({@link AbstractAuthentication}):
 * {@code VERB\nContent-MD5\nContent-Type\nDate\n} + sorted {@code x-obs-*} headers + the raw path and
 * signed sub-resources, HMAC-SHA1, base64.
 */
final class ObsVerifier {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    /** {@code code} null when valid; else an OBS error code (SignatureDoesNotMatch, ...) with a message. */
    record Result(String code, int status, String message, String accessKey, String scheme, String stringToSign) {
        boolean ok() {
            return code == null;
        }
    }

    interface SecretLookup {
        /** The SK of {@code ak}, or null when unknown. */
        String secretKey(String ak);

        /** The security token the AK requires, or null for permanent credentials. */
        String requiredToken(String ak);
    }

    static Result verify(String method, String rawPath, String rawQuery, Map<String, String> headers,
            SecretLookup keys, Instant now) {
        String authz = headers.get("authorization");
        if (authz == null || authz.isBlank()) {
            return new Result("AccessDenied", 403, "Anonymous access is not allowed by the stand-in", null, null, null);
        }
        int sp = authz.indexOf(' ');
        int colon = authz.lastIndexOf(':');
        if (sp < 0 || colon < sp) {
            return new Result("InvalidArgument", 400, "Authorization header is not 'OBS AK:signature'",
                    null, null, null);
        }
        String scheme = authz.substring(0, sp);
        String ak = authz.substring(sp + 1, colon).trim();
        String signature = authz.substring(colon + 1).trim();
        AbstractAuthentication auth;
        String prefix;
        if (scheme.equals("OBS")) {
            auth = ObsAuthentication.getInstance();
            prefix = "x-obs-";
        } else if (scheme.equals("AWS")) {
            auth = V2Authentication.getInstance();
            prefix = "x-amz-";
        } else {
            return new Result("InvalidArgument", 400, "Unsupported authorization type " + scheme
                    + " (the stand-in knows OBS and AWS V2)", ak, scheme, null);
        }
        String sk = keys.secretKey(ak);
        if (sk == null) {
            return new Result("InvalidAccessKeyId", 403,
                    "The AWS Access Key Id you provided does not exist in our records.", ak, scheme, null);
        }
        String requiredToken = keys.requiredToken(ak);
        String token = headers.get(prefix + "security-token");
        if (requiredToken != null && !requiredToken.equals(token)) {
            return new Result("InvalidToken", 400, token == null
                    ? "temporary access key used without " + prefix + "security-token"
                    : "The provided token is malformed or otherwise invalid.", ak, scheme, null);
        }
        if (requiredToken == null && token != null) {
            return new Result("InvalidToken", 400, prefix + "security-token sent with a permanent access key",
                    ak, scheme, null);
        }
        String date = headers.get(prefix + "date");
        if (date == null) {
            date = headers.get("date");
        }
        if (date == null) {
            return new Result("AccessDenied", 403, "Request has neither Date nor " + prefix + "date", ak, scheme, null);
        }
        try {
            Instant at = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
                return new Result("RequestTimeTooSkewed", 403,
                        "The difference between the request time and the server's time is too large.", ak, scheme,
                        null);
            }
        } catch (DateTimeParseException e) {
            return new Result("AccessDenied", 403, "Date '" + date + "' is not RFC 1123", ak, scheme, null);
        }
        String resource = rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        String stringToSign;
        String expected;
        try {
            stringToSign = auth.makeServiceCanonicalString(method, resource, headers, null,
                    Constants.ALLOWED_RESOURCE_PARAMTER_NAMES);
            expected = AbstractAuthentication.calculateSignature(stringToSign, sk);
        } catch (Exception e) {
            return new Result("InvalidArgument", 400, "cannot compute the signature: " + e, ak, scheme, null);
        }
        String masked = token == null ? stringToSign : stringToSign.replace(token, "***");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Result("SignatureDoesNotMatch", 403,
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your key and signing method.", ak, scheme, masked);
        }
        return new Result(null, 200, null, ak, scheme, masked);
    }

    private ObsVerifier() {
    }
}
