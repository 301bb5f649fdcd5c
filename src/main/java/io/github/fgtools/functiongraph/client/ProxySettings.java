package io.github.fgtools.functiongraph.client;

/** An HTTP proxy: host, port and optional credentials (the password never shown). */
public final class ProxySettings {
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    public ProxySettings(String protocol, String host, int port, String username, String password) {
        this.protocol = protocol == null || protocol.isEmpty() ? "http" : protocol;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    public String protocol() { return protocol; }
    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String password() { return password; }

    @Override
    public String toString() {
        return protocol + "://" + (username != null ? username + "@" : "") + host + ":" + port;
    }

    /**
     * Which proxy a request to a host goes through, or null for a direct connection: the build tool's choice (for
     * Maven, its own selection from settings.xml's active proxy and {@code nonProxyHosts}).
     */
    public interface Chooser {
        ProxySettings proxyFor(String scheme, String host, int port);

        /** Direct connections only. */
        Chooser NONE = (scheme, host, port) -> null;
    }
}
