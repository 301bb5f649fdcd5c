package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.client.ProxySettings;
import io.github.fgtools.functiongraph.deploy.CloudSettings;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal that talks to the cloud shares: the function's name and package, where to send calls, as whom, and
 * how patiently. Converts the core's one exception type into Maven's in exactly one place, {@link #execute()}.
 */
public abstract class AbstractFunctionGraphMojo extends AbstractMojo {
    /** The function's name ({@code func_name}). */
    @Parameter(property = "functiongraph.functionName", defaultValue = "${project.artifactId}")
    protected String functionName;

    /** The function's group ({@code package}). */
    @Parameter(property = "functiongraph.package", defaultValue = "default")
    protected String functionPackage;

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

    /** Do nothing, and say so. @since 0.1.0 */
    @Parameter(property = "functiongraph.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter decrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping functiongraph:" + goal() + " (functiongraph.skip)");
            return;
        }
        try {
            run();
        } catch (FunctionGraphException e) {
            if (e.isUserError()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    protected abstract String goal();

    protected abstract void run() throws FunctionGraphException;

    protected MavenLogListener listener() {
        return new MavenLogListener(getLog());
    }

    protected CredentialsResolver resolver() {
        return new CredentialsResolver(System.getenv(), Paths.get(System.getProperty("user.home")));
    }

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

    protected static Map<String, String> env() {
        return System.getenv();
    }
}
