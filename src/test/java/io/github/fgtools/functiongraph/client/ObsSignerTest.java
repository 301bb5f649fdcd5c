package io.github.fgtools.functiongraph.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.internal.Constants;
import com.obs.services.internal.ServiceException;
import com.obs.services.internal.security.BasicSecurityKey;
import com.obs.services.internal.utils.ObsAuthentication;
import com.obs.services.internal.utils.RestUtils;
import com.obs.services.internal.utils.ServiceUtils;
import com.obs.services.model.AuthTypeEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shade.okhttp3.Request;
import shade.okhttp3.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our OBS signer against esdk-obs-java 3.25.10: directly against {@code ObsAuthentication.makeAuthorizationString}
 * (the class that computes the native signature), and once through the client's own
 * {@code RestStorageService.authorizeHttpRequest}, which also adds Date and the security token and derives the
 * resource from the virtual-hosted URL.
 */
class ObsSignerTest {
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "sEcReTkEy/+ExampleSecretKey0123456789abcd";
    private static final String TOKEN = "gQpjbi1ub3J0aC00+TOKEN/with=special&chars";
    private static final String BUCKET = "fg-deploy-bucket";
    private static final String ENDPOINT = "obs.cn-north-4.myhuaweicloud.com";
    private static final String MD5 = Digests.md5Base64("zip bytes".getBytes(StandardCharsets.UTF_8));

    record Case(String name, String method, String key, Map<String, String> headers, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("PUT with Content-MD5 and Content-Type", "PUT", "functions/hello/code.zip",
                        headers("Content-MD5", MD5, "Content-Type", "application/zip"), null),
                new Case("PUT with a security token", "PUT", "functions/hello/code.zip",
                        headers("Content-MD5", MD5, "Content-Type", "application/zip"), TOKEN),
                new Case("PUT, key with spaces and specials, x-obs-* headers unsorted and padded", "PUT",
                        "my dir/sub dir/fn v1+(ü)~*.zip",
                        headers("Content-Type", "application/octet-stream", "x-obs-meta-Sha256", "  abc  ",
                                "X-Obs-Acl", "private", "Content-MD5", MD5, "User-Agent", "not signed"),
                        TOKEN),
                new Case("HEAD without headers", "HEAD", "functions/hello/code.zip", Map.of(), null),
                new Case("HEAD with a security token", "HEAD", "a b/c d.zip", Map.of(), TOKEN),
                new Case("x-obs-date blanks the Date line", "GET", "k", headers("x-obs-date",
                        "Sat, 28 Nov 2026 00:00:00 GMT"), null),
                new Case("HEAD bucket (no key)", "HEAD", null, Map.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheSdkSignature(Case c) throws ServiceException {
        Instant now = Instant.parse("2026-01-05T03:04:05.678Z");
        Map<String, String> ours = ObsSigner.sign(c.method(), BUCKET, c.key(), c.headers(), credentials(c), now);

        String sdkDate = ServiceUtils.formatRfc822Date(Date.from(now));
        Map<String, String> sdkHeaders = new LinkedHashMap<>(c.headers());
        sdkHeaders.put("Date", sdkDate);
        if (c.token() != null) {
            sdkHeaders.put("x-obs-security-token", c.token());
        }
        // the SDK signs "/" + bucket + the raw request path; keys with slashes kept, as in its pre-signed URLs
        String resource = "/" + BUCKET + "/" + (c.key() == null ? "" : RestUtils.encodeUrlPath(c.key(), "/"));
        String sdkAuthorization = ObsAuthentication.getInstance()
                .makeAuthorizationString(c.method(), sdkHeaders, resource, Constants.ALLOWED_RESOURCE_PARAMTER_NAMES,
                        new BasicSecurityKey(AK, SK, c.token()))
                .getAuthorization();

        assertThat(ours.get("Date")).isEqualTo(sdkDate).isEqualTo("Mon, 05 Jan 2026 03:04:05 GMT");
        assertThat(ours.get("Authorization")).isEqualTo(sdkAuthorization).startsWith("OBS " + AK + ":");
        assertThat(ours.get("x-obs-security-token")).isEqualTo(c.token());
        assertThat(ours).hasSize(c.token() == null ? 2 : 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheSdkClientPipeline(Case c) {
        String url = "https://" + BUCKET + "." + ENDPOINT + "/" + (c.key() == null ? "" : ObsSigner.encodeObjectKey(c.key()));
        Request.Builder builder = new Request.Builder().url(url);
        c.headers().forEach(builder::header);
        if (c.method().equals("PUT")) {
            builder.put(RequestBody.create("zip bytes".getBytes(StandardCharsets.UTF_8), null));
        } else if (c.method().equals("HEAD")) {
            builder.head();
        }
        Request sdkSigned;
        try (SigningProbe probe = new SigningProbe(c.token())) {
            sdkSigned = probe.authorize(builder.build());
        }
        // the SDK read the clock: sign at its Date
        Instant now = ZonedDateTime.parse(sdkSigned.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();

        Map<String, String> ours = ObsSigner.sign(c.method(), BUCKET, c.key(), c.headers(), credentials(c), now);

        assertThat(sdkSigned.url().encodedPath()).isEqualTo(url.substring(url.indexOf(ENDPOINT) + ENDPOINT.length()));
        assertThat(ours.get("Date")).isEqualTo(sdkSigned.header("Date"));
        assertThat(ours.get("Authorization")).isEqualTo(sdkSigned.header("Authorization"));
        assertThat(ours.get("x-obs-security-token")).isEqualTo(sdkSigned.header("x-obs-security-token"));
    }

    @Test
    void encodesKeysLikeTheSdkKeepingSlashes() throws ServiceException {
        for (String key : List.of("a", "dir/sub/file.zip", "sp ace/plus+/tilde~/star*/pct%/q?/hash#/amp&",
                "ünï/中文/😀", "trailing/", "/leading", "a//b", "...x/.y/z..")) {
            assertThat(ObsSigner.encodeObjectKey(key)).as(key).isEqualTo(RestUtils.encodeUrlPath(key, "/"));
        }
        assertThat(ObsSigner.encodeObjectKey("my dir/a+b~c*.zip")).isEqualTo("my%20dir/a%2Bb~c%2A.zip");
    }

    @Test
    void rejectsWhatWouldNotVerify() {
        Credentials creds = Credentials.akSk(AK, SK, TOKEN, "test");
        for (String name : List.of("Date", "authorization", "X-Obs-Security-Token")) {
            assertThatThrownBy(() -> ObsSigner.sign("PUT", BUCKET, "k", Map.of(name, "v"), creds, Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
        assertThatThrownBy(() -> ObsSigner.sign("PUT", BUCKET, "a/../b", Map.of(), creds, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObsSigner.sign("PUT", "", "k", Map.of(), creds, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObsSigner.sign("PUT", BUCKET, "k", Map.of(), Credentials.token("t", "test"),
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObsSigner.sign("PUT", BUCKET, "k", headers("x-obs-acl", "a", "X-OBS-ACL", "b"),
                creds, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The SDK client, used only for its protected signing step (no request is sent). */
    private static final class SigningProbe extends ObsClient implements AutoCloseable {
        SigningProbe(String token) {
            super(AK, SK, token, configuration());
        }

        private static ObsConfiguration configuration() {
            ObsConfiguration config = new ObsConfiguration();
            config.setEndPoint(ENDPOINT);
            config.setAuthType(AuthTypeEnum.OBS);
            config.setAuthTypeNegotiation(false);
            return config;
        }

        Request authorize(Request request) {
            try {
                return authorizeHttpRequest(request, BUCKET, null, null);
            } catch (ServiceException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Credentials credentials(Case c) {
        return Credentials.akSk(AK, SK, c.token(), "test");
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
