package io.github.fgtools.functiongraph.client;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** code_url names the object where the upload puts it: on the OBS endpoint used, addressed as the upload is. */
class ObsClientTest {
    private static CloudSettings obsAt(String endpoint) {
        URI fg = URI.create("https://functiongraph.example");
        return new CloudSettings("r", "p", fg, fg, URI.create(endpoint), 0, 1, 1, null, false);
    }

    @Test
    void aDomainEndpointGivesAVirtualHostedUrlOnThatDomain() {
        assertThat(ObsClient.codeUrl(obsAt("https://obs.cn-north-4.myhuaweicloud.com"), "fg-code", "a/b c.zip"))
                .isEqualTo("https://fg-code.obs.cn-north-4.myhuaweicloud.com/a/b%20c.zip");
        assertThat(ObsClient.codeUrl(obsAt("https://obs.eu-west-101.myhuaweicloud.eu"), "fg-code", "pkg.zip"))
                .isEqualTo("https://fg-code.obs.eu-west-101.myhuaweicloud.eu/pkg.zip");
        assertThat(ObsClient.codeUrl(obsAt("https://obs.dedicated.example.com:8443"), "b1", "k.jar"))
                .isEqualTo("https://b1.obs.dedicated.example.com:8443/k.jar");
    }

    @Test
    void anIpOrLocalhostEndpointGivesAPathStyleUrlAsTheUploadUses() {
        assertThat(ObsClient.codeUrl(obsAt("http://127.0.0.1:9000"), "fg-code", "functiongraph/fn/x.zip"))
                .isEqualTo("http://127.0.0.1:9000/fg-code/functiongraph/fn/x.zip");
        assertThat(ObsClient.codeUrl(obsAt("http://localhost:9000"), "fg-code", "x.zip"))
                .isEqualTo("http://localhost:9000/fg-code/x.zip");
        ObsClient client = new ObsClient(null, URI.create("http://127.0.0.1:9000"), true);
        assertThat(client.objectUri("fg-code", "x.zip").toString())
                .isEqualTo(ObsClient.codeUrl(obsAt("http://127.0.0.1:9000"), "fg-code", "x.zip"));
    }
}
