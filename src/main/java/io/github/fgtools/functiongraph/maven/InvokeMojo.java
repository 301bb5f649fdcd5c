package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.CloudSettings;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;
import io.github.fgtools.functiongraph.deploy.InvokeService;
import io.github.fgtools.functiongraph.deploy.Parameters;
import io.github.fgtools.functiongraph.deploy.Problems;

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
    @Parameter(property = "functiongraph.qualifier", defaultValue = "latest")
    String qualifier;

    /** The JSON event. @since 0.1.0 */
    @Parameter(property = "functiongraph.payload", defaultValue = "{}")
    String payload;

    /** Read the event from this file instead. @since 0.1.0 */
    @Parameter(property = "functiongraph.payloadFile")
    File payloadFile;

    private byte[] body;

    @Override
    protected String goal() {
        return "invoke";
    }

    @Override
    protected void addProblems(Problems problems) {
        if (qualifier != null && !qualifier.matches("latest|[0-9]+|[A-Za-z][A-Za-z0-9_-]{0,62}")) {
            problems.add(Parameters.QUALIFIER, qualifier, "latest, a version number, or an alias name");
        }
        body = InvokeService.payload(problems, payload, payloadFile == null ? null : payloadFile.toPath());
    }

    @Override
    protected void run() throws FunctionGraphException {
        CloudSettings cloud = checkedCloud();
        new InvokeService(listener()).invoke(cloud, this::credentials, functionPackage, functionName, qualifier, body,
                outputDirectory());
    }
}
