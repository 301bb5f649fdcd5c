package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.config.Parameters;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the function's name and package, {@code skip}, and the one place where the core's
 * exception becomes Maven's ({@link #execute()}): a user error fails the build, anything else is an error.
 */
public abstract class AbstractFunctionMojo extends AbstractMojo {
    /** The function's name ({@code func_name}). @since 0.1.0 */
    @Parameter(property = "functiongraph.functionName", defaultValue = "${project.artifactId}")
    protected String functionName;

    /** The function's group ({@code package}). @since 0.1.0 */
    @Parameter(property = "functiongraph.package", defaultValue = Parameters.DEFAULT_FUNCTION_PACKAGE)
    protected String functionPackage;

    /** Do nothing, and say so. @since 0.1.0 */
    @Parameter(property = "functiongraph.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping functiongraph:" + goal() + " (" + Parameters.of(Setting.SKIP).property + ")");
            return;
        }
        try {
            run();
        } catch (FunctionGraphException e) {
            String message = MavenWords.message(e, goal(), serverId());
            e.render(MavenWords::render);
            if (e.isUserError()) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        }
    }

    protected abstract String goal();

    protected abstract void run() throws FunctionGraphException;

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    /** The settings.xml server the credentials come from, for messages; null for goals that use none. */
    protected String serverId() {
        return null;
    }

    /** {@code target/functiongraph}: where every goal writes. */
    protected Path outputDirectory() {
        return new File(project.getBuild().getDirectory(), "functiongraph").toPath();
    }

    /** The environment and the SDK credentials file, as the Huawei Cloud SDKs read them. */
    protected static CredentialsResolver resolver() {
        return new CredentialsResolver(System.getenv(), Paths.get(System.getProperty("user.home")));
    }
}
