package io.github.fgtools.functiongraph.client;

import java.util.Objects;

/**
 * Who signs the requests: an access key pair (with a security token for temporary credentials), or an IAM token.
 * {@link #toString()} never shows a secret; {@link #source()} says where the credentials were found.
 */
public final class Credentials {
    private final String accessKey;
    private final String secretKey;
    private final String securityToken;
    private final String authToken;
    private final String source;

    private Credentials(String accessKey, String secretKey, String securityToken, String authToken, String source) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.securityToken = securityToken;
        this.authToken = authToken;
        this.source = source;
    }

    public static Credentials akSk(String accessKey, String secretKey, String securityToken, String source) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        return new Credentials(accessKey, secretKey, emptyToNull(securityToken), null, source);
    }

    public static Credentials token(String authToken, String source) {
        Objects.requireNonNull(authToken, "authToken");
        return new Credentials(null, null, null, authToken, source);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public boolean isToken() {
        return authToken != null;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The security token of temporary credentials, or null. */
    public String securityToken() {
        return securityToken;
    }

    public String authToken() {
        return authToken;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        if (isToken()) {
            return "IAM token from " + source;
        }
        return "access key " + maskedAccessKey() + (securityToken != null ? " (temporary)" : "") + " from " + source;
    }

    /** The access key's first 4 characters, the rest masked: enough to tell keys apart in a log. */
    private String maskedAccessKey() {
        if (accessKey == null) {
            return "";
        }
        return accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
    }
}
