package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CloudSettings;
import io.github.fgtools.functiongraph.client.ProxySettings;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Validates where the calls go and how patiently into {@link CloudSettings}. Endpoints left unset are derived from the
 * region as the contract says; every problem goes to the one report.
 */
public final class CloudConfig {
    private String region;
    private String projectId;
    private String endpoint;
    private String iamEndpoint;
    private String obsEndpoint;
    private Integer retries;
    private Integer connectTimeout;
    private Integer readTimeout;
    private ProxySettings.Chooser proxies;
    private boolean offline;

    public static CloudConfig builder() {
        return new CloudConfig();
    }

    public CloudConfig region(String v) { region = Text.blankToNull(v); return this; }
    public CloudConfig projectId(String v) { projectId = Text.blankToNull(v); return this; }
    public CloudConfig endpoint(String v) { endpoint = Text.blankToNull(v); return this; }
    public CloudConfig iamEndpoint(String v) { iamEndpoint = Text.blankToNull(v); return this; }
    public CloudConfig obsEndpoint(String v) { obsEndpoint = Text.blankToNull(v); return this; }
    public CloudConfig retries(Integer v) { retries = v; return this; }
    public CloudConfig connectTimeout(Integer v) { connectTimeout = v; return this; }
    public CloudConfig readTimeout(Integer v) { readTimeout = v; return this; }
    public CloudConfig proxies(ProxySettings.Chooser v) { proxies = v; return this; }
    public CloudConfig offline(boolean v) { offline = v; return this; }

    /** Validates into {@code problems}; the result is only meaningful when no problem was added. */
    public CloudSettings build(Problems problems) {
        String r = region == null ? Parameters.DEFAULT_REGION : region;
        if (!r.matches("[a-z0-9-]+")) {
            problems.add(Setting.REGION, r, "a region id such as cn-north-4 (lowercase letters, digits, '-')");
        }
        if (projectId != null && !projectId.matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(Setting.PROJECT_ID, projectId, "a project id: letters and digits (e.g. 32 hex digits)");
        }
        URI fg = uri(problems, Setting.ENDPOINT, endpoint, "https://functiongraph." + r + ".myhuaweicloud.com");
        URI iam = uri(problems, Setting.IAM_ENDPOINT, iamEndpoint, "https://iam." + r + ".myhuaweicloud.com");
        URI obs = uri(problems, Setting.OBS_ENDPOINT, obsEndpoint, "https://obs." + r + ".myhuaweicloud.com");
        int tries = orDefault(problems, Setting.RETRIES, retries, Parameters.DEFAULT_RETRIES, 0, 10, "");
        int connect = orDefault(problems, Setting.CONNECT_TIMEOUT, connectTimeout, Parameters.DEFAULT_CONNECT_TIMEOUT,
                1, 600, " seconds");
        int read = orDefault(problems, Setting.READ_TIMEOUT, readTimeout, Parameters.DEFAULT_READ_TIMEOUT, 1, 3600,
                " seconds");
        return new CloudSettings(r, projectId, fg, iam, obs, tries, connect, read, proxies, offline);
    }

    private static int orDefault(Problems problems, Setting setting, Integer value, String defaultValue, int min,
            int max, String unit) {
        if (value == null) {
            return Parameters.defaultInt(defaultValue);
        }
        if (value < min || value > max) {
            problems.add(setting, value, "between " + min + " and " + max + unit);
        }
        return value;
    }

    private static URI uri(Problems problems, Setting setting, String value, String fallback) {
        String v = value == null ? fallback : value;
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            URI u = new URI(v);
            if (u.getHost() == null || !("https".equalsIgnoreCase(u.getScheme())
                    || "http".equalsIgnoreCase(u.getScheme()))) {
                problems.add(setting, value, "an http(s) URL such as " + fallback);
                return URI.create(fallback);
            }
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getQuery() != null) {
                problems.add(setting, value, "scheme, host and port only, such as " + fallback);
                return URI.create(fallback);
            }
            return u;
        } catch (URISyntaxException e) {
            problems.add(setting, value, "an http(s) URL such as " + fallback);
            return URI.create(fallback);
        }
    }
}
