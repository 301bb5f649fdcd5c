package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.client.ProxySettings;
import io.github.fgtools.functiongraph.deploy.CloudSettings;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;
import io.github.fgtools.functiongraph.deploy.FunctionRules;
import io.github.fgtools.functiongraph.deploy.Parameters;
import io.github.fgtools.functiongraph.deploy.Problems;

import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal that talks to the cloud shares: where to send calls, as whom, and how patiently.
 */
public abstract class AbstractFunctionGraphMojo extends AbstractFunctionMojo {
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
    @Parameter(property = "functiongraph.serverId", defaultValue = "huaweicloud")
    protected String serverId;

    /** Attempts after the first for throttling, 5xx and dropped connections. @since 0.1.0 */
    @Parameter(property = "functiongraph.retries", defaultValue = "3")
    protected int retries;

    /** Connect timeout in seconds. @since 0.1.0 */
    @Parameter(property = "functiongraph.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /** Read timeout in seconds. @since 0.1.0 */
    @Parameter(property = "functiongraph.readTimeout", defaultValue = "60")
    protected int readTimeout;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter decrypter;

    /** The cloud settings from parameters, environment and settings.xml, not yet validated. */
    protected CloudSettings.Builder cloudSettings(String obsEndpoint) {
        CredentialsResolver resolver = resolver();
        return CloudSettings.builder()
                .region(region != null && !region.trim().isEmpty() ? region : resolver.region())
                .projectId(projectId != null && !projectId.trim().isEmpty() ? projectId : resolver.projectId())
                .endpoint(endpoint)
                .iamEndpoint(iamEndpoint != null && !iamEndpoint.trim().isEmpty() ? iamEndpoint : resolver.iamEndpoint())
                .obsEndpoint(obsEndpoint)
                .retries(retries)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .proxy(proxy())
                .offline(session != null && session.isOffline());
    }

    /**
     * For goals that address an existing function (invoke, delete): its name and package, and the cloud settings,
     * checked together; throws once with every problem.
     */
    protected CloudSettings checkedCloud() throws FunctionGraphException {
        Problems problems = new Problems();
        FunctionRules.checkName(problems, Parameters.FUNCTION_NAME, functionName);
        FunctionRules.checkName(problems, Parameters.FUNCTION_PACKAGE, functionPackage);
        addProblems(problems);
        CloudSettings cloud = cloudSettings(null).build(problems);
        problems.throwIfAny("Invalid functiongraph:" + goal() + " configuration");
        return cloud;
    }

    /** A goal's own checks, reported with the shared ones. */
    protected void addProblems(Problems problems) {
    }

    /** Credentials in the contract's order; called only when a request is about to be sent. */
    protected Credentials credentials() throws FunctionGraphException {
        CredentialsResolver.ServerEntry entry = new CredentialsResolver.ServerEntry(serverId, false, null, null);
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            failOnDecryptionProblems(result.getProblems(), "<server> '" + serverId + "'");
            Server decrypted = result.getServer();
            entry = new CredentialsResolver.ServerEntry(serverId, true, decrypted.getUsername(),
                    decrypted.getPassword());
        }
        return resolver().resolve(entry);
    }

    private ProxySettings proxy() {
        Proxy active = settings == null ? null : settings.getActiveProxy();
        if (active == null) {
            return null;
        }
        Proxy p = active;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(active));
            if (result.getProxy() != null) {
                p = result.getProxy();
            }
            for (SettingsProblem problem : result.getProblems()) {
                getLog().warn("settings.xml proxy '" + active.getId() + "': " + problem.getMessage());
            }
        }
        return new ProxySettings(p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(), p.getPassword(),
                p.getNonProxyHosts());
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
