package io.github.fgtools.functiongraph.client;

import java.util.Locale;
import java.util.regex.Pattern;

/** An HTTP proxy from Maven's settings.xml: host, port, optional credentials and the hosts that bypass it. */
public final class ProxySettings {
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String nonProxyHosts;

    public ProxySettings(String protocol, String host, int port, String username, String password,
            String nonProxyHosts) {
        this.protocol = protocol == null || protocol.isEmpty() ? "http" : protocol;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts;
    }

    public String protocol() { return protocol; }
    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String password() { return password; }

    /** Maven's rule: {@code nonProxyHosts} is a '|' (or ',') separated list of host names with '*' wildcards. */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.trim().isEmpty() || targetHost == null) {
            return false;
        }
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.trim();
            if (p.isEmpty()) {
                continue;
            }
            String regex = Pattern.quote(p.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            if (targetHost.toLowerCase(Locale.ROOT).matches(regex)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return protocol + "://" + (username != null ? username + "@" : "") + host + ":" + port;
    }
}
