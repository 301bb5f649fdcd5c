package io.github.fgtools.functiongraph.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our signer against the official SDK's: the SDK request goes through {@code BasicCredentials.syncProcessAuthRequest}
 * (which adds X-Project-Id and X-Security-Token, then calls {@code AKSKSigner}) exactly as {@code HcClient} does.
 * The SDK reads the clock itself; we parse its X-Sdk-Date and sign with that instant, then compare byte for byte.
 */
class AkSkSignerTest {
    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "sEcReTkEy/+ExampleSecretKey0123456789abcd";
    private static final String TOKEN = "gQpjbi1ub3J0aC00+TOKEN/with=special&chars";
    private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String FG = "https://functiongraph.cn-north-4.myhuaweicloud.com";
    private static final String URN = "urn:fss:cn-north-4:" + PROJECT + ":function:default:hello";
    private static final String USER_AGENT = "huaweicloud-usdk-java/3.0";
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One request, described once and built both ways. */
    record Case(String name, HttpMethod method, String endpoint, String sdkPath, Map<String, List<String>> query,
                String contentType, String body, Map<String, String> headers, String token, String projectId,
                String uriAsSent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("GET config, ':' in path, no body", HttpMethod.GET, FG,
                        "/v2/" + PROJECT + "/fgs/functions/" + URN + ":latest/config", Map.of(),
                        "application/json", null, Map.of("User-Agent", USER_AGENT), null, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/" + URN + ":latest/config"),
                new Case("POST invocations, '!' alias, JSON body, extra headers", HttpMethod.POST, FG,
                        "/v2/" + PROJECT + "/fgs/functions/" + URN + ":!prod/invocations", Map.of(),
                        "application/json;charset=UTF-8", "{\"name\":\"wörld\",\"n\":[1,2]}",
                        headers("X-CFF-Request-Version", "v1", "X-Cff-Log-Type", "tail", "User-Agent", USER_AGENT),
                        null, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/" + URN + ":!prod/invocations"),
                new Case("PUT config with a security token", HttpMethod.PUT, FG,
                        "/v2/" + PROJECT + "/fgs/functions/" + URN + "/config", Map.of(),
                        "application/json", "{\"func_name\":\"hello\",\"memory_size\":256}",
                        Map.of("User-Agent", USER_AGENT), TOKEN, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/" + URN + "/config"),
                new Case("IAM project lookup: query string, no X-Project-Id", HttpMethod.GET,
                        "https://iam.cn-north-4.myhuaweicloud.com", "/v3/projects",
                        Map.of("name", List.of("cn-north-4")), "application/json", null, Map.of(), null, null,
                        "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4"),
                new Case("query: unsorted names, repeated name, encoded values, empty value", HttpMethod.GET, FG,
                        "/v2/" + PROJECT + "/fgs/functions", query(), "application/json", null, Map.of(), TOKEN,
                        PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions"
                                + "?maxitems=400&marker=0&package_name=my%20pkg%2A~%C3%A9%2B%26%3D&tag=b&tag=a&empty="),
                new Case("non-default port on loopback", HttpMethod.POST, "http://127.0.0.1:34567",
                        "/v2/" + PROJECT + "/fgs/functions", Map.of(), "application/json", "{}",
                        Map.of("User-Agent", USER_AGENT), null, PROJECT,
                        "http://127.0.0.1:34567/v2/" + PROJECT + "/fgs/functions"),
                new Case("explicit default port is kept in Host", HttpMethod.GET, FG + ":443",
                        "/v2/" + PROJECT + "/fgs/functions", Map.of(), "application/json", null, Map.of(), null,
                        PROJECT, FG + ":443/v2/" + PROJECT + "/fgs/functions"),
                new Case("DELETE; a header with '_' is not signed", HttpMethod.DELETE, FG,
                        "/v2/" + PROJECT + "/fgs/functions/" + URN, Map.of(), null, null,
                        headers("X_Custom_Header", "x", "X-Custom", " spaced value "), null, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/" + URN),
                new Case("non-JSON body: the SDK signs UNSIGNED-PAYLOAD", HttpMethod.PUT, FG,
                        "/v2/" + PROJECT + "/fgs/functions/" + URN + "/code", Map.of(), "application/zip", null,
                        headers(AkSkSigner.X_SDK_CONTENT_SHA256, "UNSIGNED-PAYLOAD"), null, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/" + URN + "/code"),
                new Case("root path", HttpMethod.GET, FG, "/", Map.of(), null, null, Map.of(), null, null, FG + "/"),
                new Case("encoded space in path signs like the SDK's raw space", HttpMethod.GET, FG,
                        "/v2/" + PROJECT + "/fgs/functions/a b~c", Map.of(), null, null, Map.of(), null, PROJECT,
                        FG + "/v2/" + PROJECT + "/fgs/functions/a%20b~c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheOfficialSdk(Case c) {
        HttpRequest sdkSigned = sdkSign(c, null);
        String sdkDate = sdkSigned.getHeader("X-Sdk-Date");
        Instant now = SDK_DATE.parse(sdkDate, Instant::from);

        Map<String, String> ours = AkSkSigner.sign(c.method().name(), URI.create(c.uriAsSent()), ourHeaders(c),
                payloadHash(c), Credentials.akSk(AK, SK, c.token(), "test"), now);

        if (!c.name().startsWith("encoded space")) {
            // we sign the very URL the SDK sends (the SDK's query order is a HashMap's: compare the pairs)
            assertThat(withoutQuery(c.uriAsSent())).isEqualTo(withoutQuery(sdkSigned.getUrl().toString()));
            assertThat(queryPairs(c.uriAsSent())).isEqualTo(queryPairs(sdkSigned.getUrl().toString()));
        }
        assertThat(ours.get("X-Sdk-Date")).isEqualTo(sdkDate);
        assertThat(ours.get("Authorization")).isEqualTo(sdkSigned.getHeader("Authorization"));
        assertThat(ours.get("X-Security-Token")).isEqualTo(sdkSigned.getHeader("X-Security-Token"));
        assertThat(ours).containsOnlyKeys(c.token() == null
                ? List.of("X-Sdk-Date", "Authorization")
                : List.of("X-Sdk-Date", "X-Security-Token", "Authorization"));
        // the Host the SDK signed (and sends) is the URI's authority, port included when written
        assertThat(sdkSigned.getHeader("Host")).isEqualTo(URI.create(c.uriAsSent()).getRawAuthority());
    }

    @Test
    void fixedClockGivesTheSdkSignatureAndZeroPaddedDate() {
        Case c = cases().filter(x -> x.name().startsWith("POST invocations")).findFirst().orElseThrow();
        Instant now = Instant.parse("2026-01-05T03:04:05.987Z");
        // the SDK takes X-Sdk-Date from the request when present: that is how its clock is fixed
        HttpRequest sdkSigned = sdkSign(c, "20260105T030405Z");

        Map<String, String> ours = AkSkSigner.sign("POST", URI.create(c.uriAsSent()), ourHeaders(c), payloadHash(c),
                Credentials.akSk(AK, SK, null, "test"), now);

        assertThat(ours.get("X-Sdk-Date")).isEqualTo("20260105T030405Z");
        assertThat(ours.get("Authorization"))
                .isEqualTo(sdkSigned.getHeader("Authorization"))
                .startsWith("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders="
                        + "host;user-agent;x-cff-log-type;x-cff-request-version;x-project-id;x-sdk-date, Signature=");
    }

    @Test
    void signatureChangesWithTheBodyAndTheClock() {
        URI uri = URI.create(FG + "/v2/" + PROJECT + "/fgs/functions");
        Credentials creds = Credentials.akSk(AK, SK, null, "test");
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        String a = AkSkSigner.sign("POST", uri, Map.of(), Digests.sha256Hex("{}".getBytes()), creds, now)
                .get("Authorization");
        String b = AkSkSigner.sign("POST", uri, Map.of(), Digests.sha256Hex("{ }".getBytes()), creds, now)
                .get("Authorization");
        String c = AkSkSigner.sign("POST", uri, Map.of(), Digests.sha256Hex("{}".getBytes()), creds,
                now.plusSeconds(1)).get("Authorization");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void rejectsHeadersTheSignerOwns() {
        URI uri = URI.create(FG + "/v2/p/fgs/functions");
        Credentials creds = Credentials.akSk(AK, SK, "tok", "test");
        for (String name : List.of("Host", "x-sdk-date", "AUTHORIZATION", "X-Security-Token")) {
            assertThatThrownBy(() -> AkSkSigner.sign("GET", uri, Map.of(name, "v"), Digests.EMPTY_SHA256, creds,
                    Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
        assertThatThrownBy(() -> AkSkSigner.sign("GET", uri, headers("X-A", "1", "x-a", "2"), Digests.EMPTY_SHA256,
                creds, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void rejectsBadArguments() {
        URI uri = URI.create(FG + "/v2/p/fgs/functions");
        Credentials creds = Credentials.akSk(AK, SK, null, "test");
        assertThatThrownBy(() -> AkSkSigner.sign("GET", uri, Map.of(), Digests.EMPTY_SHA256.toUpperCase(), creds,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadSha256Hex");
        assertThatThrownBy(() -> AkSkSigner.sign("GET", uri, Map.of(), Digests.EMPTY_SHA256,
                Credentials.token("t", "test"), Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AkSkSigner.sign("GET", URI.create("https://u:p@h/x"), Map.of(),
                Digests.EMPTY_SHA256, creds, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AkSkSigner.sign("GET", URI.create("/relative"), Map.of(), Digests.EMPTY_SHA256,
                creds, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digests() throws Exception {
        assertThat(Digests.sha256Hex(new byte[0])).isEqualTo(Digests.EMPTY_SHA256);
        assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("digest", ".bin");
        try {
            java.nio.file.Files.write(file, big);
            assertThat(Digests.sha256Hex(file)).isEqualTo(Digests.sha256Hex(big));
            assertThat(Digests.md5Base64(file)).isEqualTo(Digests.md5Base64(big));
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(Digests.md5Base64(new byte[0])).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThat(Digests.hex(new byte[] {0, 15, (byte) 0xab, (byte) 0xff})).isEqualTo("000fabff");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static HttpRequest sdkSign(Case c, String fixedSdkDate) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withMethod(c.method())
                .withEndpoint(c.endpoint())
                .withPath(c.sdkPath());
        c.query().forEach(builder::addQueryParam);
        if (c.contentType() != null) {
            builder.withContentType(c.contentType());
        }
        if (c.body() != null) {
            builder.withBodyAsString(c.body());
        }
        c.headers().forEach((name, value) -> {
            // the SDK adds this one itself for non-JSON bodies
            if (!name.equals(AkSkSigner.X_SDK_CONTENT_SHA256)) {
                builder.addHeader(name, value);
            }
        });
        if (fixedSdkDate != null) {
            builder.addHeader("X-Sdk-Date", fixedSdkDate);
        }
        BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(SK);
        if (c.token() != null) {
            credentials.withSecurityToken(c.token());
        }
        if (c.projectId() != null) {
            credentials.withProjectId(c.projectId());
        }
        return credentials.syncProcessAuthRequest(builder.build(), null);
    }

    private static Map<String, String> ourHeaders(Case c) {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        if (c.projectId() != null) {
            headers.put("X-Project-Id", c.projectId());
        }
        return headers;
    }

    private static String payloadHash(Case c) {
        return c.body() == null ? Digests.EMPTY_SHA256 : Digests.sha256Hex(c.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static List<String> queryPairs(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? List.of() : Stream.of(uri.substring(q + 1).split("&")).sorted().toList();
    }

    private static Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("maxitems", List.of("400"));
        query.put("marker", List.of("0"));
        query.put("package_name", List.of("my pkg*~é+&="));
        query.put("tag", List.of("b", "a"));
        query.put("empty", List.of(""));
        return query;
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
