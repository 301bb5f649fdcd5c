package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.config.SecretMap;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mojo wiring: defaults from the plugin descriptor, POM configuration, skip, secret masking. */
@MojoTest
class DeployMojoHarnessTest {
    private static final String POM = "src/test/resources/unit/deploy/pom.xml";

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
