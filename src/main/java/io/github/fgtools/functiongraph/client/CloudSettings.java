package io.github.fgtools.functiongraph.client;

import java.net.URI;
import java.util.Locale;

/**
 * Where the calls go and how patiently: region, project, endpoints, retries, timeouts, proxy. Shared by every goal
 * that talks to the cloud. Immutable, already validated (see {@code config.CloudConfig}).
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
    /** Which proxy each request goes through. */
    public final ProxySettings.Chooser proxies;
    /** The build runs offline: no call may be made. */
    public final boolean offline;

    public CloudSettings(String region, String projectId, URI endpoint, URI iamEndpoint, URI obsEndpoint, int retries,
            int connectTimeoutSeconds, int readTimeoutSeconds, ProxySettings.Chooser proxies, boolean offline) {
        this.region = region;
        this.projectId = projectId;
        this.endpoint = endpoint;
        this.iamEndpoint = iamEndpoint;
        this.obsEndpoint = obsEndpoint;
        this.retries = retries;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.proxies = proxies == null ? ProxySettings.Chooser.NONE : proxies;
        this.offline = offline;
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
}
