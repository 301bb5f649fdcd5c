package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.config.FunctionTarget;
import io.github.fgtools.functiongraph.invoke.DeleteService;

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
        FunctionTarget target = FunctionTarget.builder().cloud(cloudConfig(null)).functionName(functionName)
                .functionPackage(functionPackage).build();
        new DeleteService(reporter()).delete(target, this::credentials);
    }
}
