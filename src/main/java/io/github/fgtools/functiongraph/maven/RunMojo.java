package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;
import io.github.fgtools.functiongraph.deploy.SecretMap;
import io.github.fgtools.functiongraph.run.LocalRunner;
import io.github.fgtools.functiongraph.run.RunConfig;
import io.github.fgtools.functiongraph.run.RunListener;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the Java handler locally, in a class loader of its own, with an event and a FunctionGraph-like context: no
 * account, no Docker, no download. Compile first: {@code mvn compile functiongraph:run}.
 *
 * <p>The handler is loaded from the project's classes and its compile, provided and runtime dependencies
 * (FunctionGraph's runtime jar, with {@code com.huawei.services.runtime.Context}, is usually {@code provided}). The
 * result is printed and written to {@code target/functiongraph/run-result.json}. With {@code runPort} the handler is
 * served on {@code http://127.0.0.1:<runPort>/} until the build is stopped.
 *
 * @since 0.1.0
 */
@Mojo(name = "run", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class RunMojo extends AbstractMojo {
    /** The dependency scopes on the handler's class path: what FunctionGraph's platform and the zip supply. */
    private static final List<String> SCOPES = Arrays.asList(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED,
            Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    /**
     * The Java handler, {@code package.Class.method}; the method takes the event and optionally a
     * {@code com.huawei.services.runtime.Context}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.handler")
    private String handler;

    /**
     * The runtime, as the API spells it: {@code Java8}, {@code Java11} or {@code Java17} ({@code run} serves Java
     * runtimes only).
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.runtime")
    private String runtime;

    /**
     * The function's name, as the context's {@code getFunctionName()} reports it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.functionName", defaultValue = "${project.artifactId}")
    private String functionName;

    /**
     * The function's package (group), as the context's {@code getPackage()} reports it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.package", defaultValue = "default")
    private String functionPackage;

    /**
     * Memory in MB, as the context's {@code getMemorySize()} reports it. Not enforced locally.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.memorySize", defaultValue = "256")
    private Integer memorySize;

    /**
     * Seconds the handler may run (3 to 259200); past it the build fails. The context's remaining time counts down
     * from it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.timeout", defaultValue = "30")
    private Integer timeout;

    /**
     * Environment variables for the function, {@code <userData><KEY>value</KEY></userData>}: answered by the
     * context's {@code getUserData(key)}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> userData;

    /**
     * Secret environment variables, same form as {@code userData}; also answered by {@code getUserData(key)}, and
     * never printed.
     *
     * @since 0.1.0
     */
    @Parameter
    private SecretMap encryptedUserData;

    /**
     * The event: a {@code String} parameter receives it as is, {@code byte[]} and {@code InputStream} raw, any other
     * type bound from this JSON with Jackson.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.payload", defaultValue = "{}")
    private String payload;

    /**
     * Read the event from this file instead of {@code payload}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.payloadFile")
    private File payloadFile;

    /**
     * Serve the handler on {@code http://127.0.0.1:<runPort>/} until the build is stopped (Ctrl+C): each POST body
     * is one event, the response is the handler's result (500 with the error when it throws). {@code 0} picks a
     * free port and logs it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.runPort")
    private Integer runPort;

    /**
     * Do nothing, and say so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping functiongraph:run (functiongraph.skip is true)");
            return;
        }
        try {
            RunConfig config = toConfig();
            for (String warning : config.warnings()) {
                getLog().warn(warning);
            }
            LocalRunner runner = new LocalRunner(new MavenRunListener(getLog()));
            if (config.runPort() != null) {
                runner.serve(config);
            } else {
                runner.run(config);
            }
        } catch (FunctionGraphException e) {
            if (e.isUserError()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private RunConfig toConfig() throws FunctionGraphException {
        RunConfig.Builder builder = RunConfig.builder()
                .handler(handler)
                .runtime(runtime)
                .functionName(functionName)
                .functionPackage(functionPackage)
                .memorySize(memorySize)
                .timeout(timeout)
                .userData(userData)
                .encryptedUserData(encryptedUserData)
                .payload(payload)
                .payloadFile(payloadFile == null ? null : payloadFile.toPath())
                .runPort(runPort)
                .classesDirectory(new File(project.getBuild().getOutputDirectory()).toPath())
                .outputDirectory(new File(project.getBuild().getDirectory(), "functiongraph").toPath())
                .projectId(System.getenv("HUAWEICLOUD_SDK_PROJECT_ID"))
                .credentials(environmentCredentials());
        for (Artifact artifact : project.getArtifacts()) {
            if (SCOPES.contains(artifact.getScope()) && artifact.getFile() != null
                    && artifact.getArtifactHandler().isAddedToClasspath()) {
                builder.dependency(artifact.getFile().toPath());
            }
        }
        return builder.build();
    }

    /**
     * The credentials a handler can read through its context, when the environment has them (never printed). The
     * settings.xml server and the credentials file are for deploying: a local run does not need an account.
     */
    private static Credentials environmentCredentials() {
        String ak = System.getenv("HUAWEICLOUD_SDK_AK");
        String sk = System.getenv("HUAWEICLOUD_SDK_SK");
        if (ak != null && !ak.isEmpty() && sk != null && !sk.isEmpty()) {
            return Credentials.akSk(ak, sk, System.getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN"), "environment");
        }
        String token = System.getenv("HUAWEICLOUD_AUTH_TOKEN");
        return token != null && !token.isEmpty() ? Credentials.token(token, "HUAWEICLOUD_AUTH_TOKEN") : null;
    }

    /** The run's report, in Maven's log; the handler's own log lines are marked as such. */
    private static final class MavenRunListener implements RunListener {
        private final Log log;

        MavenRunListener(Log log) {
            this.log = log;
        }

        @Override
        public void info(String message) {
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }

        @Override
        public void debug(String message) {
            log.debug(message);
        }

        @Override
        public void handlerLog(String level, String message) {
            String line = "[handler " + level + "] " + message;
            if ("ERROR".equals(level)) {
                log.error(line);
            } else if ("WARN".equals(level)) {
                log.warn(line);
            } else {
                log.info(line);
            }
        }
    }
}
