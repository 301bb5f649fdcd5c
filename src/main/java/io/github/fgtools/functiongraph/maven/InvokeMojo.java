package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.config.InvokeConfig;
import io.github.fgtools.functiongraph.config.Parameters;
import io.github.fgtools.functiongraph.invoke.InvokeService;

import java.io.File;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Invokes the deployed function synchronously with a payload; fails the build when the function reports an error.
 *
 * @since 0.1.0
 */
@Mojo(name = "invoke", threadSafe = true, requiresProject = false)
public class InvokeMojo extends AbstractFunctionGraphMojo {
    /**
     * {@code latest}, a version name ({@code v20261204-142128}, {@code 1.2.0}) or an alias name. A name with a '.' or
     * a digit first, or of the service's {@code v<date>-<time>} shape, is a version; a name either could have is
     * tried as an alias, then as a version. @since 0.1.0
     */
    @Parameter(property = "functiongraph.qualifier", defaultValue = Parameters.DEFAULT_QUALIFIER)
    String qualifier;

    /** The JSON event. @since 0.1.0 */
    @Parameter(property = "functiongraph.payload", defaultValue = Parameters.DEFAULT_PAYLOAD)
    String payload;

    /** Read the event from this file instead. @since 0.1.0 */
    @Parameter(property = "functiongraph.payloadFile")
    File payloadFile;

    @Override
    protected String goal() {
        return "invoke";
    }

    @Override
    protected void run() throws FunctionGraphException {
        InvokeConfig config = InvokeConfig.builder().cloud(cloudConfig(null)).functionName(functionName)
                .functionPackage(functionPackage).qualifier(qualifier).payload(payload)
                .payloadFile(payloadFile == null ? null : payloadFile.toPath()).outputDirectory(outputDirectory())
                .build();
        new InvokeService(reporter()).invoke(config, this::credentials);
    }
}
