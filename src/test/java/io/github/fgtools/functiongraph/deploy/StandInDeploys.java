package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.standin.CloudStandIn;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * Deploys of a one-class Java function {@code fn} against a fresh stand-in: what the tests of each deploy step
 * (triggers, scaling, tags, reserved instances) share. Close it after each test.
 */
final class StandInDeploys implements AutoCloseable {
    final CloudStandIn cloud;
    final Path jar;
    final Path dir;
    final List<String> info = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void error(String message) {
            warnings.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };

    private StandInDeploys(Path dir) throws Exception {
        this.dir = dir;
        this.cloud = CloudStandIn.start(dir.resolve("cloud"));
        this.jar = dir.resolve("fn.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("com/example/Handler.class"));
            j.write(1);
            j.closeEntry();
        }
    }

    static StandInDeploys start(Path dir) throws Exception {
        return new StandInDeploys(dir);
    }

    /** Function {@code fn} (Java11) of the jar, pointed at the stand-in, one retry, 2 s timeouts. */
    DeployConfig.Builder config() {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(2).connectTimeout(2))
                .artifactFile(jar).outputDirectory(dir.resolve("out"));
    }

    DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(reporter).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    /** The requests other than GET whose path contains {@code pathPart}, as "METHOD path". */
    List<String> writes(String pathPart) {
        return cloud.requests().stream().filter(r -> r.path().contains(pathPart) && !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Override
    public void close() {
        cloud.close();
    }
}
