package io.github.fgtools.functiongraph.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's order: settings.xml server, environment, SDK credentials file, IAM token; first found wins. */
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

    private static CredentialsResolver.ServerEntry server(String user, String password) {
        return new CredentialsResolver.ServerEntry("huaweicloud", true, user, password);
    }

    @Test
    void settingsServerWinsOverEverythingElse() throws Exception {
        env.put("HUAWEICLOUD_SDK_AK", "ENVAK");
        env.put("HUAWEICLOUD_SDK_SK", "env-sk");
        env.put("HUAWEICLOUD_AUTH_TOKEN", "token");
        Credentials c = resolver().resolve(server("SETTINGSAK", "settings-sk"));
        assertThat(c.accessKey()).isEqualTo("SETTINGSAK");
        assertThat(c.secretKey()).isEqualTo("settings-sk");
        assertThat(c.source()).contains("settings.xml server 'huaweicloud'");
        assertThat(c.toString()).doesNotContain("settings-sk").contains("SETT****");
    }

    @Test
    void environmentWithSecurityTokenBeforeTheFile() throws Exception {
        credentialsFile("[basic]\nak = FILEAK\nsk = file-sk\n");
        env.put("HUAWEICLOUD_SDK_AK", "ENVAK");
        env.put("HUAWEICLOUD_SDK_SK", "env-sk");
        env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sec-token");
        Credentials c = resolver().resolve(null);
        assertThat(c.accessKey()).isEqualTo("ENVAK");
        assertThat(c.securityToken()).isEqualTo("sec-token");
        assertThat(c.toString()).doesNotContain("sec-token").doesNotContain("env-sk");
    }

    @Test
    void theSdkCredentialsFileSectionBasic() throws Exception {
        credentialsFile("[other]\nak = NO\nsk = no\n\n[basic]\nak = FILEAK\nsk = file-sk\nproject_id = p123\n");
        Credentials c = resolver().resolve(null);
        assertThat(c.accessKey()).isEqualTo("FILEAK");
        assertThat(resolver().projectId()).isEqualTo("p123");
    }

    @Test
    void theFileNamedByTheEnvironment() throws Exception {
        Path custom = Files.write(home.resolve("creds.ini"), "[basic]\nak=CUSTOMAK\nsk=custom-sk\n".getBytes("UTF-8"));
        env.put("HUAWEICLOUD_SDK_CREDENTIALS_FILE", custom.toString());
        assertThat(resolver().resolve(null).accessKey()).isEqualTo("CUSTOMAK");
    }

    @Test
    void anIamTokenLast() throws Exception {
        env.put("HUAWEICLOUD_AUTH_TOKEN", "iam-token");
        Credentials c = resolver().resolve(null);
        assertThat(c.isToken()).isTrue();
        assertThat(c.authToken()).isEqualTo("iam-token");
        assertThat(c.toString()).doesNotContain("iam-token");
    }

    @Test
    void nothingFoundNamesAllFourWays() {
        env.put("HUAWEICLOUD_SDK_AK", "ONLYAK");
        assertThatThrownBy(() -> resolver().resolve(new CredentialsResolver.ServerEntry("my-cloud", false, null, null)))
                .hasMessageContaining("No Huawei Cloud credentials found")
                .hasMessageContaining("HUAWEICLOUD_SDK_SK is missing beside the other")
                .hasMessageContaining("<id>my-cloud</id>")
                .hasMessageContaining("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK")
                .hasMessageContaining(".huaweicloud/credentials")
                .hasMessageContaining("HUAWEICLOUD_AUTH_TOKEN");
    }

    @Test
    void aServerWithoutPasswordIsNamed() {
        assertThatThrownBy(() -> resolver().resolve(server("AK", null)))
                .hasMessageContaining("<server> with id 'huaweicloud'").hasMessageContaining("lacks <password>");
    }

    @Test
    void projectIdFromTheEnvironmentFirst() throws Exception {
        credentialsFile("[basic]\nak = A\nsk = s\nproject_id = from-file\n");
        env.put("HUAWEICLOUD_SDK_PROJECT_ID", "from-env");
        assertThat(resolver().projectId()).isEqualTo("from-env");
    }
}
