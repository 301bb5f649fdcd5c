package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.config.SecretMap;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mojo wiring: defaults from the plugin descriptor, POM configuration, skip, secret masking. */
@MojoTest
class DeployMojoHarnessTest {
    private static final String POM = "src/test/resources/unit/deploy/pom.xml";
    private static final String PARENT = "src/test/resources/unit/parent/pom.xml";

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    void defaultsFollowTheContract(DeployMojo mojo) {
        assertThat(mojo.functionPackage).isEqualTo("default");
        assertThat(mojo.memorySize).isEqualTo(256);
        assertThat(mojo.timeout).isEqualTo(30);
        assertThat(mojo.functionType).isEqualTo("v2");
        assertThat(mojo.includeDependencies).isTrue();
        assertThat(mojo.updateExisting).isTrue();
        assertThat(mojo.dryRun).isFalse();
        assertThat(mojo.serverId).isEqualTo("huaweicloud");
        assertThat(mojo.retries).isEqualTo(3);
        assertThat(mojo.connectTimeout).isEqualTo(10);
        assertThat(mojo.readTimeout).isEqualTo(60);
        assertThat(mojo.runtime).isEqualTo("Java17");
        assertThat(mojo.handler).isEqualTo("com.example.Handler.handle");
    }

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    void encryptedUserDataIsASecretMapThatMasksItsValues(DeployMojo mojo) {
        assertThat(mojo.encryptedUserData).isInstanceOf(SecretMap.class).containsEntry("DB_PASSWORD",
                "harness-secret-value");
        assertThat(mojo.encryptedUserData.toString()).contains("DB_PASSWORD").doesNotContain("harness-secret-value");
    }

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "runtime", value = "NotARuntime")
    void skipDoesNothingButSaySo(DeployMojo mojo) throws Exception {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        mojo.execute(); // the runtime is invalid: only skip lets this pass
        assertThat(lines).containsExactly("Skipping functiongraph:deploy (functiongraph.skip)");

    }

    /** A reactor's parent, as Maven builds it from {@code unit/parent/pom.xml} (the harness's own stub is a jar). */
    private static MavenProject pomProject() {
        MavenProject p = new MavenProject();
        p.setGroupId("com.example");
        p.setArtifactId("harness-parent");
        p.setVersion("1.0");
        p.setPackaging("pom");
        Build build = new Build();
        build.setDirectory("target/harness-parent");
        build.setFinalName("harness-parent-1.0");
        p.setBuild(build);
        return p;
    }

    @Test
    @InjectMojo(goal = "deploy", pom = PARENT)
    void aReactorParentIsSkippedWithOneLine(DeployMojo mojo) throws Exception {
        mojo.project = pomProject();
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        mojo.execute(); // would fail validation (no runtime, no jar) if it ran
        assertThat(lines).containsExactly("Skipping functiongraph:deploy for harness-parent: packaging 'pom' has no "
                + "code to deploy (set <artifactFile> or <codeDirectory> to deploy one)");
    }

    @Test
    @InjectMojo(goal = "deploy", pom = PARENT)
    @MojoParameter(name = "codeDirectory", value = "src/main/python")
    void aPomProjectWithACodeDirectoryIsDeployed(DeployMojo mojo) {
        mojo.project = pomProject();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<runtime> (functiongraph.runtime)");
    }

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    void nestedObjectsAreConfiguredFromThePom(DeployMojo mojo) {
        assertThat(mojo.vpc.vpcId).isEqualTo("vpc-1");
        assertThat(mojo.vpc.securityGroups).containsExactly("sg-1");
        assertThat(mojo.mountConfig.mountUser.userGroupId).isEqualTo("1000");
        assertThat(mojo.mountConfig.funcMounts).singleElement()
                .satisfies(m -> assertThat(m.localMountPath).isEqualTo("/mnt/data"));
        assertThat(mojo.networkController.disablePublicNetwork).isTrue();
        assertThat(mojo.networkController.triggerAccessVpcs).singleElement()
                .satisfies(v -> assertThat(v.vpcId).isEqualTo("vpc-2"));
    }
}
