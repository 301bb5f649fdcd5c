package io.github.fgtools.functiongraph.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The contract's order after the settings.xml server (read by the Maven layer): environment, SDK credentials file, IAM token. */
class CredentialsResolverTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private CredentialsResolver resolver() {
        return new CredentialsResolver(env, home);
    }

    private void credentialsFile(String content) throws Exception {
        Files.createDirectories(home.resolve(".huaweicloud"));
        Files.write(home.resolve(".huaweicloud/credentials"), content.getBytes("UTF-8"));
    }

    @Test
    void environmentWithSecurityTokenBeforeTheFile() throws Exception {
        credentialsFile("[basic]\nak = FILEAK\nsk = file-sk\n");
        env.put("HUAWEICLOUD_SDK_AK", "ENVAK");
        env.put("HUAWEICLOUD_SDK_SK", "env-sk");
        env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sec-token");
        Credentials c = resolver().resolve();
        assertThat(c.accessKey()).isEqualTo("ENVAK");
        assertThat(c.securityToken()).isEqualTo("sec-token");
        assertThat(c.toString()).doesNotContain("sec-token").doesNotContain("env-sk");
    }

    @Test
    void theSdkCredentialsFileSectionBasic() throws Exception {
        credentialsFile("[other]\nak = NO\nsk = no\n\n[basic]\nak = FILEAK\nsk = file-sk\nproject_id = p123\n");
        Credentials c = resolver().resolve();
        assertThat(c.accessKey()).isEqualTo("FILEAK");
        assertThat(resolver().projectId()).isEqualTo("p123");
    }

    @Test
    void theFileNamedByTheEnvironment() throws Exception {
        Path custom = Files.write(home.resolve("creds.ini"), "[basic]\nak=CUSTOMAK\nsk=custom-sk\n".getBytes("UTF-8"));
        env.put("HUAWEICLOUD_SDK_CREDENTIALS_FILE", custom.toString());
        assertThat(resolver().resolve().accessKey()).isEqualTo("CUSTOMAK");
    }

    @Test
    void anIamTokenLast() throws Exception {
        env.put("HUAWEICLOUD_AUTH_TOKEN", "iam-token");
        Credentials c = resolver().resolve();
        assertThat(c.isToken()).isTrue();
        assertThat(c.authToken()).isEqualTo("iam-token");
        assertThat(c.toString()).doesNotContain("iam-token");
    }

    @Test
    void nothingFoundNamesEverySourceItRead() {
        env.put("HUAWEICLOUD_SDK_AK", "ONLYAK");
        CredentialsResolver.NoCredentialsException e = catchThrowableOfType(
                CredentialsResolver.NoCredentialsException.class, () -> resolver().resolve());
        assertThat(e.note).contains("HUAWEICLOUD_SDK_SK is missing beside the other");
        assertThat(e.sources).hasSize(3);
        assertThat(String.join("\n", e.sources)).contains("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK",
                ".huaweicloud/credentials", "HUAWEICLOUD_AUTH_TOKEN");
        assertThat(e.getMessage()).doesNotContain("ONLYAK");
    }

    @Test
    void projectIdFromTheEnvironmentFirst() throws Exception {
        credentialsFile("[basic]\nak = A\nsk = s\nproject_id = from-file\n");
        env.put("HUAWEICLOUD_SDK_PROJECT_ID", "from-env");
        assertThat(resolver().projectId()).isEqualTo("from-env");
    }
}
