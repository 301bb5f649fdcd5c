package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.client.ProxySettings;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.Parameters;

import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.StringUtils;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What every goal that talks to the cloud shares: where to send calls, as whom, and how patiently.
 */
public abstract class AbstractFunctionGraphMojo extends AbstractFunctionMojo {
    static {
        quietHttpClientLogs();
    }

    /** Region id; default env {@code HUAWEICLOUD_SDK_REGION}, else {@code cn-north-4}. @since 0.1.0 */
    @Parameter(property = "functiongraph.region")
    protected String region;

    /** Project id; default env {@code HUAWEICLOUD_SDK_PROJECT_ID}, else looked up in IAM by region. @since 0.1.0 */
    @Parameter(property = "functiongraph.projectId")
    protected String projectId;

    /** FunctionGraph endpoint; default {@code https://functiongraph.<region>.myhuaweicloud.com}. @since 0.1.0 */
    @Parameter(property = "functiongraph.endpoint")
    protected String endpoint;

    /** IAM endpoint; default env {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, else {@code https://iam.<region>.myhuaweicloud.com}. @since 0.1.0 */
    @Parameter(property = "functiongraph.iamEndpoint")
    protected String iamEndpoint;

    /** The settings.xml {@code <server>} whose username is the access key and password the secret key. @since 0.1.0 */
    @Parameter(property = "functiongraph.serverId", defaultValue = Parameters.DEFAULT_SERVER_ID)
    protected String serverId;

    /** Attempts after the first for throttling, 5xx and dropped connections. @since 0.1.0 */
    @Parameter(property = "functiongraph.retries", defaultValue = Parameters.DEFAULT_RETRIES)
    protected int retries;

    /** Connect timeout in seconds. @since 0.1.0 */
    @Parameter(property = "functiongraph.connectTimeout", defaultValue = Parameters.DEFAULT_CONNECT_TIMEOUT)
    protected int connectTimeout;

    /** Read timeout in seconds. @since 0.1.0 */
    @Parameter(property = "functiongraph.readTimeout", defaultValue = Parameters.DEFAULT_READ_TIMEOUT)
    protected int readTimeout;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter decrypter;

    /**
     * HttpClient 5 logs every header (X-Security-Token, X-Auth-Token, Proxy-Authorization) and the wire (bodies with
     * encrypted_user_data) at DEBUG, which Maven's {@code -X} would print. Its loggers are kept at INFO; the plugin's
     * own DEBUG lines say what matters (method, URL, status, time, request id) and nothing secret.
     *
     * <p>Why a system property, the one piece of global state the plugin sets: HttpClient logs through SLF4J, which
     * Maven's core exports to every plugin, bound to Maven's own SLF4J provider. That provider fixes each logger's
     * level when the logger is created, from system properties {@code org.slf4j.simpleLogger.log.<name>} (or Maven's
     * {@code conf/logging/simplelogger.properties}); it has no API a plugin may call, and a plugin cannot bring its own
     * SLF4J binding (the package is imported from the core). The header and wire logging is built into HttpClient's
     * connection class ({@code DefaultManagedHttpClientConnection}), so no connection factory avoids it. Setting the
     * property before HttpClient's classes load (they load with the first request) is the only lever; it only ever
     * lowers what is printed, and only for HttpClient's own loggers. Lives here, in the Maven layer, because it is
     * about Maven's logging.
     */
    static void quietHttpClientLogs() {
        for (String name : new String[] {"org.apache.hc.client5.http", "org.apache.hc.core5"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + name, "info");
        }
    }

    @Override
    protected String serverId() {
        return serverId;
    }

    /** The cloud settings from parameters, environment and settings.xml, validated by the goal's config. */
    protected CloudConfig cloudConfig(String obsEndpoint) {
        CredentialsResolver resolver = resolver();
        return CloudConfig.builder()
                .region(StringUtils.isNotBlank(region) ? region : resolver.region())
                .projectId(StringUtils.isNotBlank(projectId) ? projectId : resolver.projectId())
                .endpoint(endpoint)
                .iamEndpoint(StringUtils.isNotBlank(iamEndpoint) ? iamEndpoint : resolver.iamEndpoint())
                .obsEndpoint(obsEndpoint)
                .retries(retries)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .proxies(proxies())
                .offline(session != null && session.isOffline());
    }

    /**
     * Credentials in the contract's order, the settings.xml server first; called only when a request is about to be
     * sent.
     */
    protected Credentials credentials() throws FunctionGraphException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return resolver().resolve();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnDecryptionProblems(result.getProblems(), "<server> '" + serverId + "'");
        Server decrypted = result.getServer();
        String ak = decrypted.getUsername();
        String sk = decrypted.getPassword();
        if (StringUtils.isBlank(ak) || StringUtils.isBlank(sk)) {
            throw new FunctionGraphException("settings.xml has a <server> with id '" + serverId + "' but it lacks "
                    + (StringUtils.isNotBlank(ak) ? "<password> (the secret key, SK)" : "<username> (the access key, AK)")
                    + ". Set both, or remove it to use the environment.");
        }
        return Credentials.akSk(ak.trim(), sk.trim(), null, "settings.xml server '" + serverId + "'");
    }

    /**
     * Maven's own proxy selection: the repository session's selector, built from settings.xml's active proxies with
     * their {@code nonProxyHosts} and decrypted passwords, asked for each host the plugin connects to (an https host
     * falls back to an http proxy, as for Maven's own downloads). Direct when the session has none.
     */
    private ProxySettings.Chooser proxies() {
        RepositorySystemSession repositories = session == null ? null : session.getRepositorySession();
        if (repositories == null || repositories.getProxySelector() == null) {
            return ProxySettings.Chooser.NONE;
        }
        return (scheme, host, port) -> {
            RemoteRepository target = new RemoteRepository.Builder("functiongraph", "default",
                    scheme + "://" + host + (port < 0 ? "" : ":" + port) + "/").build();
            org.eclipse.aether.repository.Proxy proxy = repositories.getProxySelector().getProxy(target);
            if (proxy == null) {
                return null;
            }
            String username = null;
            String password = null;
            try (AuthenticationContext auth = AuthenticationContext.forProxy(repositories,
                    new RemoteRepository.Builder(target).setProxy(proxy).build())) {
                if (auth != null) {
                    username = auth.get(AuthenticationContext.USERNAME);
                    password = auth.get(AuthenticationContext.PASSWORD);
                }
            }
            return new ProxySettings(proxy.getType(), proxy.getHost(), proxy.getPort(), username, password);
        };
    }

    private static void failOnDecryptionProblems(List<SettingsProblem> problems, String what)
            throws FunctionGraphException {
        for (SettingsProblem problem : problems) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new FunctionGraphException("Cannot decrypt the password of settings.xml " + what + ": "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password) or "
                        + "re-encrypt with mvn --encrypt-password.");
            }
        }
    }
}
