package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.ProxySettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the calls go and how patiently: region, project, endpoints, retries, timeouts, proxy. Shared by every goal.
 * Endpoints left unset are derived from the region as the contract says.
 */
public final class CloudSettings {
    public final String region;
    /** Null when it must be looked up through IAM. */
    public final String projectId;
    public final URI endpoint;
    public final URI iamEndpoint;
    public final URI obsEndpoint;
    public final int retries;
    public final int connectTimeoutSeconds;
    public final int readTimeoutSeconds;
    /** Null without a proxy. */
    public final ProxySettings proxy;
    public final boolean offline;

    private CloudSettings(Builder b, URI endpoint, URI iamEndpoint, URI obsEndpoint) {
        this.region = b.region;
        this.projectId = b.projectId;
        this.endpoint = endpoint;
        this.iamEndpoint = iamEndpoint;
        this.obsEndpoint = obsEndpoint;
        this.retries = b.retries == null ? 3 : b.retries;
        this.connectTimeoutSeconds = b.connectTimeout == null ? 10 : b.connectTimeout;
        this.readTimeoutSeconds = b.readTimeout == null ? 60 : b.readTimeout;
        this.proxy = b.proxy;
        this.offline = b.offline;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for a plain-http endpoint whose host is not loopback: allowed, with a warning. */
    public static boolean isInsecure(URI uri) {
        return uri != null && "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** Path-style OBS addressing when the endpoint's host is an IP literal or localhost; else virtual-hosted. */
    public boolean obsPathStyle() {
        String host = obsEndpoint.getHost();
        return host.equalsIgnoreCase("localhost") || host.matches("[0-9.]+") || host.startsWith("[");
    }

    public static final class Builder {
        private String region;
        private String projectId;
        private String endpoint;
        private String iamEndpoint;
        private String obsEndpoint;
        private Integer retries;
        private Integer connectTimeout;
        private Integer readTimeout;
        private ProxySettings proxy;
        private boolean offline;

        private static String blankToNull(String s) {
            return s == null || s.trim().isEmpty() ? null : s.trim();
        }

        public Builder region(String v) { region = blankToNull(v); return this; }
        public Builder projectId(String v) { projectId = blankToNull(v); return this; }
        public Builder endpoint(String v) { endpoint = blankToNull(v); return this; }
        public Builder iamEndpoint(String v) { iamEndpoint = blankToNull(v); return this; }
        public Builder obsEndpoint(String v) { obsEndpoint = blankToNull(v); return this; }
        public Builder retries(Integer v) { retries = v; return this; }
        public Builder connectTimeout(Integer v) { connectTimeout = v; return this; }
        public Builder readTimeout(Integer v) { readTimeout = v; return this; }
        public Builder proxy(ProxySettings v) { proxy = v; return this; }
        public Builder offline(boolean v) { offline = v; return this; }

        /** Validates into {@code problems}; returns null when there were problems. */
        public CloudSettings build(Problems problems) {
            if (region == null) {
                region = "cn-north-4";
            }
            if (!region.matches("[a-z0-9-]+")) {
                problems.add(Parameters.REGION, region, "a region id such as cn-north-4 (lowercase letters, digits, '-')");
            }
            if (projectId != null && !projectId.matches("[A-Za-z0-9_-]{1,64}")) {
                problems.add(Parameters.PROJECT_ID, projectId, "a project id: letters and digits (e.g. 32 hex digits)");
            }
            URI fg = uri(problems, Parameters.ENDPOINT, endpoint, "https://functiongraph." + region + ".myhuaweicloud.com");
            URI iam = uri(problems, Parameters.IAM_ENDPOINT, iamEndpoint, "https://iam." + region + ".myhuaweicloud.com");
            URI obs = uri(problems, Parameters.OBS_ENDPOINT, obsEndpoint, "https://obs." + region + ".myhuaweicloud.com");
            if (retries != null && (retries < 0 || retries > 10)) {
                problems.add(Parameters.RETRIES, retries, "between 0 and 10");
            }
            if (connectTimeout != null && (connectTimeout < 1 || connectTimeout > 600)) {
                problems.add(Parameters.CONNECT_TIMEOUT, connectTimeout, "between 1 and 600 seconds");
            }
            if (readTimeout != null && (readTimeout < 1 || readTimeout > 3600)) {
                problems.add(Parameters.READ_TIMEOUT, readTimeout, "between 1 and 3600 seconds");
            }
            return new CloudSettings(this, fg, iam, obs);
        }

        private static URI uri(Problems problems, Parameter parameter, String value, String fallback) {
            String v = value == null ? fallback : value;
            while (v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                URI u = new URI(v);
                if (u.getHost() == null || !("https".equalsIgnoreCase(u.getScheme())
                        || "http".equalsIgnoreCase(u.getScheme()))) {
                    problems.add(parameter, value, "an http(s) URL such as " + fallback);
                    return URI.create(fallback);
                }
                if (u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getQuery() != null) {
                    problems.add(parameter, value, "scheme, host and port only, such as " + fallback);
                    return URI.create(fallback);
                }
                return u;
            } catch (URISyntaxException e) {
                problems.add(parameter, value, "an http(s) URL such as " + fallback);
                return URI.create(fallback);
            }
        }
    }
}
