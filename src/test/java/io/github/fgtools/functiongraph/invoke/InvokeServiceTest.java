package io.github.fgtools.functiongraph.invoke;

import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.InvokeConfig;
import io.github.fgtools.functiongraph.deploy.DeployService;
import io.github.fgtools.functiongraph.standin.CloudStandIn;
import io.github.fgtools.functiongraph.standin.RecordedRequest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** invoke addresses versions by name, whatever shape the name has, and aliases as {@code :!<alias>}. */
class InvokeServiceTest {
    @TempDir
    Path dir;

    private CloudStandIn cloud;

    @BeforeEach
    void start() {
        cloud = CloudStandIn.start(dir.resolve("cloud"));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private CloudConfig cloudConfig() {
        return CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                .projectId(CloudStandIn.PROJECT_ID).retries(0).readTimeout(5).connectTimeout(2);
    }

    private String deploy(String description, String versionName, String alias) throws Exception {
        Path jar = dir.resolve("fn.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("com/example/Handler.class"));
            j.write(description.getBytes("UTF-8"));
            j.closeEntry();
        }
        return new DeployService(Reporter.NONE).deploy(DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime("Java11")
                        .handler("com.example.Handler.handle").description(description).build())
                .cloud(cloudConfig()).artifactFile(jar).outputDirectory(dir.resolve("out"))
                .publishVersion(true).versionName(versionName).alias(alias).build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test")).version;
    }

    private String invoke(String qualifier) throws Exception {
        JsonNode out = new InvokeService(Reporter.NONE).invoke(InvokeConfig.builder().cloud(cloudConfig())
                .functionName("fn").qualifier(qualifier).outputDirectory(dir.resolve("out")).build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
        return new ObjectMapper().readTree(out.path("result").asText()).path("version").asText();
    }

    private String lastInvocationPath() {
        return cloud.requests().stream().filter(r -> r.path().endsWith("/invocations")).map(RecordedRequest::path)
                .reduce((a, b) -> b).orElse("");
    }

    @Test
    void versionsOfEveryShapeAndAliasesAreAddressedAsSuch() throws Exception {
        String serviceNamed = deploy("one", null, "live");
        deploy("two", "1.2.0", null);
        deploy("three", "build7", null);

        assertThat(invoke(serviceNamed)).isEqualTo(serviceNamed);
        assertThat(lastInvocationPath()).endsWith(":fn:" + serviceNamed + "/invocations");
        assertThat(invoke("1.2.0")).isEqualTo("1.2.0");
        assertThat(lastInvocationPath()).endsWith(":fn:1.2.0/invocations");
        assertThat(invoke("live")).isEqualTo(serviceNamed);
        assertThat(lastInvocationPath()).endsWith(":fn:!live/invocations");

        // a name either could have: no alias of that name, so the version
        cloud.clearRequests();
        assertThat(invoke("build7")).isEqualTo("build7");
        assertThat(cloud.requests()).filteredOn(r -> r.path().endsWith("/invocations"))
                .extracting(r -> r.path().substring(r.path().lastIndexOf(':')) + " " + r.status())
                .containsExactly(":!build7/invocations 404", ":build7/invocations 200");
    }
}
