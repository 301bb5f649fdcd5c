package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.CloudSettings;
import io.github.fgtools.functiongraph.client.CredentialsResolver;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The core's facts in a Maven user's words. */
class MavenWordsTest {
    @TempDir
    Path home;

    @Test
    void everySettingIsNamedByItsElementAndProperty() {
        assertThat(MavenWords.render("Raise " + Setting.READ_TIMEOUT + " or set " + Setting.VPC + "<vpcId>."))
                .isEqualTo("Raise <readTimeout> (functiongraph.readTimeout) or set <vpc><vpcId>.");
        assertThat(MavenWords.render("Set " + Setting.FUNCTION_PACKAGE))
                .isEqualTo("Set <functionPackage> (functiongraph.package)");
        assertThat(MavenWords.render("{{NOT_A_SETTING}} and {braces}")).isEqualTo("{{NOT_A_SETTING}} and {braces}");
        for (Setting s : Setting.values()) {
            assertThat(MavenWords.render(String.valueOf(s))).as(s.name()).startsWith("<").doesNotContain("{{");
        }
    }

    @Test
    void offlineSaysWhatToDoInMaven() {
        CloudSettings offline = new CloudSettings("cn-north-4", "p", URI.create("https://fg.example"),
                URI.create("https://iam.example"), URI.create("https://obs.example"), 0, 1, 1, null, true);
        CloudSession.OfflineException e = catchThrowableOfType(CloudSession.OfflineException.class,
                () -> CloudSession.open(offline, () -> null, io.github.fgtools.functiongraph.Reporter.NONE));
        assertThat(MavenWords.message(e, "deploy", "huaweicloud")).isEqualTo("Maven is offline (-o): "
                + "functiongraph:deploy needs the network to reach https://fg.example. Run without -o, or with "
                + "-Dfunctiongraph.dryRun to see the requests without sending them.");
        assertThat(MavenWords.message(e, "invoke", "huaweicloud")).endsWith("Run without -o.");
    }

    @Test
    void noCredentialsNamesTheServerFirstThenEverySourceTheCoreRead() {
        CredentialsResolver.NoCredentialsException e = catchThrowableOfType(
                CredentialsResolver.NoCredentialsException.class,
                () -> new CredentialsResolver(Collections.singletonMap("HUAWEICLOUD_SDK_AK", "AK"), home).resolve());
        String message = MavenWords.message(e, "deploy", "my-cloud");
        assertThat(message).startsWith("No Huawei Cloud credentials found (HUAWEICLOUD_SDK_SK is missing beside the "
                + "other). Provide one of:")
                .contains("1. a <server> in ~/.m2/settings.xml with <id>my-cloud</id> (<serverId> "
                        + "(functiongraph.serverId))", "2. environment variables HUAWEICLOUD_SDK_AK and "
                        + "HUAWEICLOUD_SDK_SK", "3. the Huawei Cloud SDK credentials file", "4. an IAM token")
                .endsWith("A dry run (-Dfunctiongraph.dryRun) needs none.");
    }

    @Test
    void anyOtherMessageIsRendered() {
        assertThat(MavenWords.message(new FunctionGraphException("check " + Setting.ENDPOINT), "invoke", null))
                .isEqualTo("check <endpoint> (functiongraph.endpoint)");
    }
}
