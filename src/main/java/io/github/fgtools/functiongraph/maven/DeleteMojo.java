package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.DeleteService;
import io.github.fgtools.functiongraph.deploy.FunctionGraphException;

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
        new DeleteService(listener()).delete(checkedCloud(), this::credentials, functionPackage, functionName);
    }
}
