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
    /** {@code latest}, a version number, or an alias name. @since 0.1.0 */
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
