package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.CloudSettings;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;
import io.github.fgtools.functiongraph.deploy.FunctionRules;
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

    @Override
    protected String goal() {
        return "invoke";
    }

    @Override
    protected void run() throws FunctionGraphException {
        Problems problems = new Problems();
        FunctionRules.checkName(problems, Parameters.FUNCTION_NAME, functionName);
        FunctionRules.checkName(problems, Parameters.FUNCTION_PACKAGE, functionPackage);
        if (qualifier != null && !qualifier.matches("latest|[0-9]+|[A-Za-z][A-Za-z0-9_-]{0,62}")) {
            problems.add(Parameters.QUALIFIER, qualifier, "latest, a version number, or an alias name");
        }
        byte[] body = InvokeService.payload(problems, payload, payloadFile == null ? null : payloadFile.toPath());
        CloudSettings cloud = cloudSettings(null).build(problems);
        problems.throwIfAny("Invalid functiongraph:invoke configuration");
        new InvokeService(listener()).invoke(cloud, this::credentials, functionPackage, functionName, qualifier, body,
                new File(project.getBuild().getDirectory(), "functiongraph").toPath());
    }
}
