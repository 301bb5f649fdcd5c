package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.CloudSettings;
import io.github.fgtools.functiongraph.deploy.DeleteService;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;
import io.github.fgtools.functiongraph.deploy.FunctionRules;
import io.github.fgtools.functiongraph.deploy.Parameters;
import io.github.fgtools.functiongraph.deploy.Problems;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deletes the function, with all its versions and aliases (for short-lived test environments). An absent function is
 * reported, not an error.
 *
 * @since 0.1.0
 */
@Mojo(name = "delete", threadSafe = true, requiresProject = false)
public class DeleteMojo extends AbstractFunctionGraphMojo {
    @Override
    protected String goal() {
        return "delete";
    }

    @Override
    protected void run() throws FunctionGraphException {
        Problems problems = new Problems();
        FunctionRules.checkName(problems, Parameters.FUNCTION_NAME, functionName);
        FunctionRules.checkName(problems, Parameters.FUNCTION_PACKAGE, functionPackage);
        CloudSettings cloud = cloudSettings(null).build(problems);
        problems.throwIfAny("Invalid functiongraph:delete configuration");
        new DeleteService(listener()).delete(cloud, this::credentials, functionPackage, functionName);
    }
}
