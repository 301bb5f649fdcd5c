package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.config.Parameters;
import io.github.fgtools.functiongraph.config.RunConfig;
import io.github.fgtools.functiongraph.config.SecretMap;
import io.github.fgtools.functiongraph.run.LocalRunner;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
public class RunMojo extends AbstractFunctionMojo {
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
     * Memory in MB, as the context's {@code getMemorySize()} reports it. Not enforced locally.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.memorySize", defaultValue = Parameters.DEFAULT_MEMORY_SIZE)
    private Integer memorySize;

    /**
     * Seconds the handler may run (3 to 259200); past it the build fails. The context's remaining time counts down
     * from it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.timeout", defaultValue = Parameters.DEFAULT_TIMEOUT)
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
    @Parameter(property = "functiongraph.payload", defaultValue = Parameters.DEFAULT_PAYLOAD)
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

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected void run() throws FunctionGraphException {
        RunConfig config = toConfig();
        Reporter reporter = reporter();
        for (String warning : config.warnings()) {
            reporter.warn(warning);
        }
        LocalRunner runner = new LocalRunner(reporter);
        if (config.runPort() != null) {
            runner.serve(config);
        } else {
            runner.run(config);
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
                .outputDirectory(outputDirectory())
                .projectId(resolver().projectId())
                .credentials(knownCredentials());
        for (Artifact artifact : project.getArtifacts()) {
            if (SCOPES.contains(artifact.getScope()) && artifact.getFile() != null
                    && artifact.getArtifactHandler().isAddedToClasspath()) {
                builder.dependency(artifact.getFile().toPath());
            }
        }
        return builder.build();
    }

    /**
     * The credentials a handler can read through its context, when the environment or the SDK credentials file has
     * them (never printed). A local run needs no account: none is not an error.
     */
    private static Credentials knownCredentials() {
        try {
            return resolver().resolve();
        } catch (CredentialsResolver.NoCredentialsException none) {
            return null;
        }
    }
}
