package io.github.fgtools.functiongraph.standin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secrets scan every src/it build goes through can fail, and excuses only Maven core's own dumps. */
class ItRunTest {
    @TempDir
    Path basedir;

    private void log(String text) throws Exception {
        Files.write(basedir.resolve("build.log"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretInThePluginsOutputFails() throws Exception {
        log("[INFO] Packaging\n[DEBUG] header X-Security-Token: " + CloudStandIn.SECURITY_TOKEN + "\n");
        assertThatThrownBy(() -> ItRun.assertNoSecrets(basedir.toFile())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("X-Security-Token");
    }

    @Test
    void aSecretInAFileUnderTargetFails() throws Exception {
        log("[INFO] ok\n");
        Files.createDirectories(basedir.resolve("target/functiongraph"));
        Files.write(basedir.resolve("target/functiongraph/request-create.json"),
                ("{\"encrypted_user_data\": \"" + "it-db-password-s3cr3t-42" + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ItRun.assertNoSecrets(basedir.toFile())).hasMessageContaining("request-create.json");
    }

    @Test
    void mavenCoresOwnDumpsAreExcused() throws Exception {
        log("[DEBUG] env.HUAWEICLOUD_SDK_SK: " + CloudStandIn.SK + "\n"
                + "[DEBUG] Configuration: <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n"
                + "  <encryptedUserData>\n    <DB>dry-run-secret-value</DB>\n  </encryptedUserData>\n</configuration>\n"
                + "[DEBUG]   (f) encryptedUserData = {DB=******}\n");
        assertThatCode(() -> ItRun.assertNoSecrets(basedir.toFile())).doesNotThrowAnyException();
    }
}
