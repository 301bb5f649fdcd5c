package io.github.fgtools.functiongraph.standin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionVersionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionVersionRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionVersionResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateVersionAliasRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateVersionAliasRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.DeleteFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionVersionResult;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionVersionsRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ListFunctionVersionsResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.FuncCode;
import com.huaweicloud.sdk.functiongraph.v2.model.InvokeFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.InvokeFunctionResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.ShowFunctionConfigResponse;
import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.exception.ObsException;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.PutObjectResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.fgtools.functiongraph.standin.CloudStandIn.AK;
import static io.github.fgtools.functiongraph.standin.CloudStandIn.PROJECT_ID;
import static io.github.fgtools.functiongraph.standin.CloudStandIn.SK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudStandInTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FUNCTIONS = "/v2/" + PROJECT_ID + "/fgs/functions";
    static final String URN_BASE = "urn:fss:cn-north-4:" + PROJECT_ID + ":function:default:";

    CloudStandIn standIn;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        standIn = CloudStandIn.start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    // ------------------------------------------------------------------ helpers

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                e.setTime(315532800000L); // fixed: two calls in different seconds give the same bytes
                z.putNextEntry(e);
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    static String sha512(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(b));
    }

    static ObjectNode createBody(String name, byte[] zip) {
        ObjectNode b = JSON.createObjectNode();
        b.put("func_name", name);
        b.put("package", "default");
        b.put("runtime", "Java11");
        b.put("handler", "com.example.Handler.handle");
        b.put("memory_size", 256);
        b.put("timeout", 30);
        b.put("code_type", "zip");
        b.put("code_filename", name + ".zip");
        b.putObject("func_code").put("file", Base64.getEncoder().encodeToString(zip));
        return b;
    }

    /** A request signed by the official SDK signer, sent with java.net.http. */
    HttpResponse<String> call(String method, String pathAndQuery, String body, Map<String, String> headers,
            String ak, String sk, boolean projectHeader) throws Exception {
        String path = pathAndQuery;
        String query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = pathAndQuery.substring(q + 1);
        }
        HttpRequest.HttpRequestBuilder b = HttpRequest.newBuilder().withEndpoint(standIn.baseUrl()).withPath(path)
                .withMethod(HttpMethod.valueOf(method));
        if (body != null) {
            b.withBodyAsString(body);
            b.addHeader("Content-Type", "application/json");
        }
        if (projectHeader) {
            b.addHeader("X-Project-Id", PROJECT_ID);
        }
        headers.forEach(b::addHeader);
        AkSkVerifier.parseQuery(query).forEach(b::addQueryParam);
        HttpRequest req = b.build();
        Map<String, String> auth = ak == null ? Map.of()
                : AKSKSigner.getInstance().sign(req, new BasicCredentials().withAk(ak).withSk(sk));
        java.net.http.HttpRequest.Builder jb = java.net.http.HttpRequest.newBuilder(URI.create(req.getUrl().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        req.getHeaders().forEach((k, v) -> jb.header(k, v.get(0)));
        auth.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Host")) {
                jb.header(k, v);
            }
        });
        return http.send(jb.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body) throws Exception {
        return call(method, pathAndQuery, body, Map.of(), AK, SK, true);
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body, Map<String, String> headers)
            throws Exception {
        return call(method, pathAndQuery, body, headers, AK, SK, true);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    FunctionGraphClient sdkClient() {
        HttpConfig config = HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(30);
        return FunctionGraphClient.newBuilder().withHttpConfig(config)
                .withCredential(new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID))
                .withEndpoints(List.of(standIn.baseUrl())).build();
    }

    ObsClient obsClient(String ak, String sk) {
        ObsConfiguration c = new ObsConfiguration();
        c.setEndPoint(standIn.baseUrl());
        c.setPathStyle(true);
        c.setSocketTimeout(60_000);
        c.setMaxErrorRetry(0);
        // note: with path-style (forced for IP endpoints) esdk-obs-java switches to AWS V2 signing
        return new ObsClient(ak, sk, c);
    }

    // ------------------------------------------------------------------ official SDK

    @Test
    void officialSdkCreatesShowsAndInvokes() throws Exception {
        byte[] zip = zip("handler.jar", "not really a jar");
        FunctionGraphClient client = sdkClient();
        CreateFunctionResponse created = client.createFunction(new CreateFunctionRequest().withBody(
                new CreateFunctionRequestBody().withFuncName("sdk-fn").withPackage("default")
                        .withRuntime(CreateFunctionRequestBody.RuntimeEnum.JAVA11)
                        .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                        .withCodeType(CreateFunctionRequestBody.CodeTypeEnum.ZIP).withCodeFilename("sdk-fn.zip")
                        .withUserData("{\"A\":\"1\"}").withEncryptedUserData("{\"password\":\"s3cret\"}")
                        .withFuncCode(new FuncCode().withFile(Base64.getEncoder().encodeToString(zip)))));
        assertThat(created.getHttpStatusCode()).isEqualTo(200);
        assertThat(created.getFuncUrn()).isEqualTo(URN_BASE + "sdk-fn:latest");
        assertThat(created.getDigest()).isEqualTo(sha512(zip));
        assertThat(created.getCodeSize()).isEqualTo(zip.length);
        assertThat(created.getEncryptedUserData()).isEqualTo("{\"password\":\"\"}");

        ShowFunctionConfigResponse shown = client.showFunctionConfig(
                new ShowFunctionConfigRequest().withFunctionUrn(URN_BASE + "sdk-fn"));
        assertThat(shown.getMemorySize()).isEqualTo(256);
        assertThat(shown.getDigest()).isEqualTo(sha512(zip));
        assertThat(shown.getLastModified()).isNotNull();

        InvokeFunctionResponse inv = client.invokeFunction(new InvokeFunctionRequest()
                .withFunctionUrn(URN_BASE + "sdk-fn:latest").withXCFFRequestVersion("v1").withXCffLogType("tail")
                .withBody(Map.of("hello", "world")));
        assertThat(inv.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(inv.getResult())).isEqualTo(JSON.readTree(
                "{\"echo\":{\"hello\":\"world\"},\"version\":\"latest\"}"));
        assertThat(inv.getXCffRequestId()).isEqualTo(inv.getRequestId()).isNotBlank();
        assertThat(inv.getLog()).contains("Start invoke request").contains("Finish invoke request");

        assertThatThrownBy(() -> client.showFunctionConfig(new ShowFunctionConfigRequest()
                .withFunctionUrn(URN_BASE + "nope"))).isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("FSS.1051"));

        RecordedRequest create = standIn.requests().get(0);
        assertThat(create.status()).isEqualTo(200);
        assertThat(create.authType()).isEqualTo("aksk");
        assertThat(create.accessKey()).isEqualTo(AK);
        assertThat(create.signedHeaders()).contains("host", "x-project-id", "x-sdk-date");
        assertThat(create.bodyAt("/func_code/file/size").asInt()).isEqualTo(zip.length);
        assertThat(create.bodyAt("/func_code/file/sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)));
        assertThat(create.bodyAt("/encrypted_user_data").asText()).isEqualTo("***");
        assertThat(create.header("authorization")).isEqualTo("***");
        assertThat(standIn.encryptedUserData("default", "sdk-fn")).containsEntry("password", "s3cret");
    }

    // ------------------------------------------------------------------ validation

    @Test
    void schemaViolationIsAnsweredWithTheField() throws Exception {
        ObjectNode b = createBody("bad-fn", zip("a", "b"));
        b.put("memory_size", "256");
        HttpResponse<String> r = call("POST", FUNCTIONS, b.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error_code").asText()).isEqualTo("FSS.0400");
        assertThat(json(r).get("error_msg").asText()).contains("memory_size");

        ObjectNode missing = createBody("bad-fn", zip("a", "b"));
        missing.remove("handler");
        r = call("POST", FUNCTIONS, missing.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error_msg").asText()).contains("handler");

        ObjectNode runtime = createBody("bad-fn", zip("a", "b"));
        runtime.put("runtime", "Java21");
        r = call("POST", FUNCTIONS, runtime.toString());
        assertThat(json(r).get("error_msg").asText()).contains("runtime");
    }

    @Test
    void documentedRulesHaveTheirCodes() throws Exception {
        Map<String, java.util.function.Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("FSS.1002", b -> b.put("func_name", "1abc"));
        cases.put("FSS.1003", b -> b.put("handler", "nodot"));
        cases.put("FSS.1007", b -> b.put("memory_size", 300));
        cases.put("FSS.1008", b -> b.put("timeout", 2));
        cases.put("FSS.1011", b -> b.putObject("func_code").put("file", "%%%notbase64"));
        cases.put("FSS.1013", b -> b.put("code_filename", "x.tar"));
        cases.put("FSS.1009", b -> b.put("user_data", "not json"));
        cases.put("FSS.1017", b -> {
            ObjectNode ud = JSON.createObjectNode();
            for (int i = 0; i < 21; i++) {
                ud.put("K" + i, "v");
            }
            b.put("user_data", ud.toString());
        });
        cases.put("FSS.1018", b -> b.put("encrypted_user_data", "{\"K\":\"" + "x".repeat(5000) + "\"}"));
        cases.put("FSS.1010", b -> {
            b.put("code_type", "obs");
            b.remove("func_code");
            b.put("code_url", "https://no-bucket.obs.cn-north-4.myhuaweicloud.com/x.zip");
        });
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> c : cases.entrySet()) {
            ObjectNode b = createBody("rule-fn", zip("a", "b"));
            c.getValue().accept(b);
            HttpResponse<String> r = call("POST", FUNCTIONS, b.toString());
            assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
            assertThat(json(r).get("error_code").asText()).as(r.body()).isEqualTo(c.getKey());
        }
        ObjectNode noFilename = createBody("rule-fn", zip("a", "b"));
        noFilename.remove("code_filename");
        assertThat(call("POST", FUNCTIONS, noFilename.toString()).body()).contains("code_filename");

        assertThat(call("POST", FUNCTIONS, createBody("ok-fn", zip("a", "b")).toString()).statusCode()).isEqualTo(200);
        HttpResponse<String> dup = call("POST", FUNCTIONS, createBody("ok-fn", zip("a", "b")).toString());
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(json(dup).get("error_code").asText()).isEqualTo("FSS.1061");
        // the encrypted value never reaches the journal
        assertThat(standIn.requests().toString()).doesNotContain("xxxxxxxxxx");
    }

    // ------------------------------------------------------------------ auth

    @Test
    void authenticationIsStrict() throws Exception {
        String body = createBody("auth-fn", zip("a", "b")).toString();
        HttpResponse<String> r = call("POST", FUNCTIONS, body, Map.of(), AK, SK + "x", true);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error_code").asText()).isEqualTo("APIG.0301");
        assertThat(json(r).get("error_msg").asText()).startsWith("Incorrect IAM authentication information: ");

        r = call("POST", FUNCTIONS, body, Map.of(), "UNKNOWNAK", SK, true);
        assertThat(json(r).get("error_msg").asText()).contains("UNKNOWNAK");

        r = call("POST", FUNCTIONS, body, Map.of(), AK, SK, false);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error_msg").asText()).contains("X-Project-Id");

        r = call("POST", FUNCTIONS, body, Map.of(), CloudStandIn.TEMP_AK, CloudStandIn.TEMP_SK, true);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error_msg").asText()).contains("X-Security-Token");

        r = call("POST", FUNCTIONS, body, Map.of("X-Security-Token", CloudStandIn.SECURITY_TOKEN),
                CloudStandIn.TEMP_AK, CloudStandIn.TEMP_SK, true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        // body changed after signing
        HttpRequest signedFor = HttpRequest.newBuilder().withEndpoint(standIn.baseUrl()).withPath(FUNCTIONS)
                .withMethod(HttpMethod.POST).withBodyAsString("{}").addHeader("X-Project-Id", PROJECT_ID).build();
        Map<String, String> auth = AKSKSigner.getInstance().sign(signedFor,
                new BasicCredentials().withAk(AK).withSk(SK));
        java.net.http.HttpRequest tampered = java.net.http.HttpRequest.newBuilder(URI.create(standIn.baseUrl()
                        + FUNCTIONS)).POST(BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("X-Project-Id", PROJECT_ID).header("X-Sdk-Date", auth.get("X-Sdk-Date"))
                .header("Authorization", auth.get("Authorization")).build();
        r = http.send(tampered, BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);

        // token auth
        java.net.http.HttpRequest tokenReq = java.net.http.HttpRequest.newBuilder(URI.create(standIn.baseUrl()
                        + FUNCTIONS + "/" + URN_BASE + "auth-fn/config")).header("X-Auth-Token", CloudStandIn.AUTH_TOKEN)
                .GET().build();
        assertThat(http.send(tokenReq, BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        List<RecordedRequest> journal = standIn.requests();
        assertThat(journal).extracting(RecordedRequest::authFailure).filteredOn(f -> f != null).hasSize(5);
        String all = journal.toString() + journal.stream().map(RecordedRequest::toMap).toList();
        assertThat(all).doesNotContain(SK).doesNotContain(CloudStandIn.SECURITY_TOKEN)
                .doesNotContain(CloudStandIn.AUTH_TOKEN).doesNotContain("Signature=");
    }

    @Test
    void iamProjectsAndTokens() throws Exception {
        HttpResponse<String> r = call("GET", "/v3/projects?name=cn-north-4", null, Map.of(), AK, SK, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).at("/projects/0/id").asText()).isEqualTo(PROJECT_ID);
        assertThat(json(r).at("/projects/0/name").asText()).isEqualTo("cn-north-4");
        assertThat(json(call("GET", "/v3/projects?name=eu-west-101", null, Map.of(), AK, SK, false))
                .get("projects")).isEmpty();
        standIn.setProjects("cn-north-4", List.of("p1", "p2"));
        assertThat(json(call("GET", "/v3/projects?name=cn-north-4", null, Map.of(), AK, SK, false))
                .get("projects")).hasSize(2);
        assertThat(call("GET", "/v3/projects?name=cn-north-4", null, Map.of(), AK, "bad", false).statusCode())
                .isEqualTo(401);

        String tokenBody = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + CloudStandIn.IAM_USER + "\",\"password\":\"" + CloudStandIn.IAM_PASSWORD + "\",\"domain\":{\"name\":\""
                + CloudStandIn.IAM_DOMAIN + "\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}";
        HttpResponse<String> t = http.send(java.net.http.HttpRequest.newBuilder(URI.create(standIn.baseUrl()
                + "/v3/auth/tokens")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(tokenBody)).build(), BodyHandlers.ofString());
        assertThat(t.statusCode()).isEqualTo(201);
        assertThat(t.headers().firstValue("X-Subject-Token")).contains(CloudStandIn.AUTH_TOKEN);
        assertThat(standIn.requests().toString() + standIn.requests().stream().map(RecordedRequest::toMap).toList())
                .doesNotContain(CloudStandIn.IAM_PASSWORD);
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void versionsAliasesAndInvocations() throws Exception {
        byte[] v1 = zip("a", "1");
        assertThat(call("POST", FUNCTIONS, createBody("life", v1).toString()).statusCode()).isEqualTo(200);
        String urn = URN_BASE + "life";
        String encoded = urn.replace(":", "%3A");

        HttpResponse<String> pub = call("POST", FUNCTIONS + "/" + urn + "/versions", "{\"description\":\"first\"}");
        assertThat(pub.statusCode()).as(pub.body()).isEqualTo(200);
        String first = json(pub).get("version").asText();
        assertThat(first).matches("v\\d{8}-\\d{6}");
        assertThat(json(pub).get("func_urn").asText()).isEqualTo(urn + ":" + first);
        HttpResponse<String> again = call("POST", FUNCTIONS + "/" + encoded + "/versions", "{}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error_code").asText()).isEqualTo("FSS.1016");

        byte[] v2 = zip("a", "2");
        HttpResponse<String> upd = call("PUT", FUNCTIONS + "/" + urn + ":latest/code", JSON.createObjectNode()
                .put("code_type", "zip").put("code_filename", "life.zip").set("func_code",
                        JSON.createObjectNode().put("file", Base64.getEncoder().encodeToString(v2))).toString());
        assertThat(upd.statusCode()).as(upd.body()).isEqualTo(200);
        assertThat(json(upd).get("digest").asText()).isEqualTo(sha512(v2));
        assertThat(call("PUT", FUNCTIONS + "/" + urn + "/code", "{\"code_filename\":\"x.zip\"}").statusCode())
                .isEqualTo(400);

        ObjectNode cfg = JSON.createObjectNode().put("func_name", "life").put("runtime", "Java11")
                .put("handler", "com.example.Handler.handle").put("memory_size", 512).put("timeout", 60)
                .put("user_data", "{\"STANDIN_FAIL\":\"boom\"}");
        HttpResponse<String> cr = call("PUT", FUNCTIONS + "/" + encoded + "/config", cfg.toString());
        assertThat(cr.statusCode()).as(cr.body()).isEqualTo(200);
        assertThat(json(cr).get("memory_size").asInt()).isEqualTo(512);
        assertThat(json(cr).get("code_filename").asText()).isEqualTo("life.zip");
        assertThat(call("PUT", FUNCTIONS + "/" + urn + "/config", "{\"func_name\":\"life\"}").statusCode())
                .isEqualTo(400);

        String second = json(call("POST", FUNCTIONS + "/" + urn + "/versions", "{}")).get("version").asText();
        assertThat(second).matches("v\\d{8}-\\d{6}(-2)?").isNotEqualTo(first);

        HttpResponse<String> alias = call("POST", FUNCTIONS + "/" + urn + "/aliases",
                "{\"name\":\"prod\",\"version\":\"" + first + "\",\"additional_version_weights\":{\""
                        + second + "\":10}}");
        assertThat(alias.statusCode()).as(alias.body()).isEqualTo(200);
        assertThat(json(alias).get("alias_urn").asText()).isEqualTo(urn + ":!prod");
        assertThat(call("POST", FUNCTIONS + "/" + urn + "/aliases", "{\"name\":\"prod\",\"version\":\"" + first
                + "\"}").body()).contains("FSS.1063");
        assertThat(call("GET", FUNCTIONS + "/" + urn + "/aliases/nope", null).body()).contains("FSS.1053");
        // weights omitted: kept
        HttpResponse<String> moved = call("PUT", FUNCTIONS + "/" + urn + "/aliases/prod", "{\"version\":\"" + first
                + "\"}");
        assertThat(json(moved).get("additional_version_weights").get(second).asInt()).isEqualTo(10);

        Map<String, String> v1Header = Map.of("X-CFF-Request-Version", "v1");
        HttpResponse<String> inv = call("POST", FUNCTIONS + "/" + urn + ":!prod/invocations", "{\"n\":1}", v1Header);
        assertThat(inv.statusCode()).isEqualTo(200);
        assertThat(inv.headers().firstValue("X-Is-Func-Err")).contains("false");
        assertThat(JSON.readTree(json(inv).get("result").asText()).get("version").asText()).isEqualTo(first);
        List<String> routed = new ArrayList<>();
        for (int i = 1; i < 100; i++) {
            HttpResponse<String> x = call("POST", FUNCTIONS + "/" + urn + ":!prod/invocations", "{}", v1Header);
            routed.add(JSON.readTree(json(x).get("result").asText()).path("version").asText("failed"));
        }
        assertThat(routed.stream().filter("failed"::equals).count()).isEqualTo(10);

        HttpResponse<String> fail = call("POST", FUNCTIONS + "/" + urn + ":" + second + "/invocations", "{}",
                v1Header);
        assertThat(fail.headers().firstValue("X-Is-Func-Err")).contains("true");
        assertThat(json(fail).get("status").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(json(fail).get("result").asText()).get("errorMessage").asText()).isEqualTo("boom");
        HttpResponse<String> fail2 = call("POST", FUNCTIONS + "/" + urn + ":" + first + "/invocations",
                "{\"standinFail\":true}", v1Header);
        assertThat(fail2.headers().firstValue("X-Is-Func-Err")).contains("true");
        assertThat(call("POST", FUNCTIONS + "/" + urn + "/invocations", "{}").statusCode()).isEqualTo(400);

        HttpResponse<String> cleared = call("PUT", FUNCTIONS + "/" + urn + "/aliases/prod",
                "{\"version\":\"" + second + "\",\"additional_version_weights\":{}}");
        assertThat(json(cleared).get("additional_version_weights")).isEmpty();

        HttpResponse<String> list = call("GET", FUNCTIONS + "?marker=0&maxitems=10", null);
        assertThat(json(list).get("count").asInt()).isEqualTo(1);

        assertThat(call("DELETE", FUNCTIONS + "/" + urn, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = call("DELETE", FUNCTIONS + "/" + urn, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("error_code").asText()).isEqualTo("FSS.1051");
    }

    /**
     * Versions as the service names and lists them, read through the official SDK's models: an unnamed version is
     * {@code vYYYYMMDD-HHMMSS} (CreateFunctionVersionResponse.version), ListFunctionVersionsResponse lists latest
     * and then the versions in publishing order with last_modified (an OffsetDateTime in ListFunctionVersionResult),
     * names that do not sort as they were published, deletion of a version with its aliases, and the limit.
     */
    @Test
    void officialSdkSeesVersionsNamedAndListedAsTheServiceDoes() throws Exception {
        assertThat(call("POST", FUNCTIONS, createBody("ver", zip("a", "0")).toString()).statusCode()).isEqualTo(200);
        String urn = URN_BASE + "ver";
        FunctionGraphClient client = sdkClient();
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ObjectNode cfg = JSON.createObjectNode().put("func_name", "ver").put("runtime", "Java11")
                    .put("handler", "com.example.Handler.handle").put("memory_size", 256).put("timeout", 30)
                    .put("description", "change " + i);
            assertThat(call("PUT", FUNCTIONS + "/" + urn + "/config", cfg.toString()).statusCode()).isEqualTo(200);
            CreateFunctionVersionRequestBody body = new CreateFunctionVersionRequestBody();
            if (i == 11) {
                body.withVersion("1.10.0");
            } else if (i == 12) {
                body.withVersion("1.9.0");
            }
            CreateFunctionVersionResponse v = client.createFunctionVersion(new CreateFunctionVersionRequest()
                    .withFunctionUrn(urn).withBody(body));
            assertThat(v.getLastModified()).isNotNull();
            published.add(v.getVersion());
        }
        // twelve publishes within a few seconds: the service's shape, a suffix within one second, the given names
        assertThat(published.subList(0, 10)).allSatisfy(n -> assertThat(n).matches("v\\d{8}-\\d{6}(-\\d+)?"));
        assertThat(published.subList(10, 12)).containsExactly("1.10.0", "1.9.0");
        assertThat(published).doesNotHaveDuplicates();
        List<String> sortedByName = new ArrayList<>(published);
        java.util.Collections.sort(sortedByName);
        assertThat(sortedByName).as("names do not sort as they were published").isNotEqualTo(published);

        ListFunctionVersionsResponse list = client.listFunctionVersions(new ListFunctionVersionsRequest()
                .withFunctionUrn(urn).withMaxitems("400"));
        List<ListFunctionVersionResult> versions = list.getVersions();
        assertThat(versions.get(0).getVersion()).isEqualTo("latest");
        assertThat(versions.subList(1, versions.size())).extracting(ListFunctionVersionResult::getVersion)
                .containsExactlyElementsOf(published);
        assertThat(versions).allSatisfy(v -> assertThat(v.getLastModified()).isNotNull());
        for (int i = 2; i < versions.size(); i++) {
            assertThat(versions.get(i).getLastModified()).isAfterOrEqualTo(versions.get(i - 1).getLastModified());
        }
        assertThat(list.getCount()).isEqualTo(13L);

        // an alias on the oldest version goes with it, as on the service; latest cannot be deleted
        client.createVersionAlias(new CreateVersionAliasRequest().withFunctionUrn(urn).withBody(
                new CreateVersionAliasRequestBody().withName("old").withVersion(published.get(0))));
        client.deleteFunction(new DeleteFunctionRequest().withFunctionUrn(urn + ":" + published.get(0)));
        assertThat(call("GET", FUNCTIONS + "/" + urn + "/aliases/old", null).body()).contains("FSS.1053");
        assertThat(standIn.functionVersions("default", "ver")).doesNotContain(published.get(0)).hasSize(11);
        assertThat(call("DELETE", FUNCTIONS + "/" + urn + ":latest", null).statusCode()).isEqualTo(400);

        // 20 versions at most, latest included: 19 published
        for (int i = 13; standIn.functionVersions("default", "ver").size() < 19; i++) {
            ObjectNode cfg = JSON.createObjectNode().put("func_name", "ver").put("runtime", "Java11")
                    .put("handler", "com.example.Handler.handle").put("memory_size", 256).put("timeout", 30)
                    .put("description", "change " + i);
            call("PUT", FUNCTIONS + "/" + urn + "/config", cfg.toString());
            assertThat(call("POST", FUNCTIONS + "/" + urn + "/versions", "{}").statusCode()).isEqualTo(200);
        }
        call("PUT", FUNCTIONS + "/" + urn + "/config", JSON.createObjectNode().put("func_name", "ver")
                .put("runtime", "Java11").put("handler", "com.example.Handler.handle").put("memory_size", 256)
                .put("timeout", 30).put("description", "one too many").toString());
        HttpResponse<String> tooMany = call("POST", FUNCTIONS + "/" + urn + "/versions", "{}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 20 versions");
    }

    // ------------------------------------------------------------------ faults

    @Test
    void faultsBehaveAsSpecified() throws Exception {
        String body = createBody("fault-fn", zip("a", "b")).toString();
        standIn.enqueueFault("POST", "/v2/.*/fgs/functions", Fault.status(503, "{\"error_code\":\"FSS.0503\","
                + "\"error_msg\":\"busy\"}", Map.of("Retry-After", "1")));
        standIn.enqueueFault("POST", "/v2/.*/fgs/functions", Fault.status(502, "<html><body>Bad Gateway</body></html>",
                null));
        standIn.enqueueFault("*", ".*", Fault.throttled(1));
        standIn.enqueueFault("POST", ".*", Fault.forbidden("functiongraph:function:create"));
        standIn.enqueueFault("POST", ".*", Fault.malformedJson(500));
        HttpResponse<String> r = call("POST", FUNCTIONS, body);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
        r = call("POST", FUNCTIONS, body);
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        r = call("POST", FUNCTIONS, body);
        assertThat(r.statusCode()).isEqualTo(429);
        r = call("POST", FUNCTIONS, body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error_msg").asText()).contains("functiongraph:function:create");
        r = call("POST", FUNCTIONS, body);
        assertThat(r.statusCode()).isEqualTo(500);
        String malformed = r.body();
        assertThatThrownBy(() -> JSON.readTree(malformed)).isInstanceOf(IOException.class);
        assertThat(standIn.functionConfig("fault-fn")).isNull();

        standIn.enqueueFault("POST", ".*", Fault.drop());
        assertThatThrownBy(() -> call("POST", FUNCTIONS, body)).isInstanceOf(IOException.class);
        assertThat(standIn.functionConfig("fault-fn")).isNull();

        standIn.enqueueFault("POST", ".*", Fault.dropAfterHandling());
        assertThatThrownBy(() -> call("POST", FUNCTIONS, body)).isInstanceOf(IOException.class);
        assertThat(standIn.functionConfig("fault-fn")).isNotNull();

        standIn.enqueueFault("GET", ".*/config", Fault.delay(300));
        long t0 = System.nanoTime();
        assertThat(call("GET", FUNCTIONS + "/" + URN_BASE + "fault-fn/config", null).statusCode()).isEqualTo(200);
        assertThat(System.nanoTime() - t0).isGreaterThan(250_000_000L);

        standIn.enqueueFault("GET", ".*", Fault.hang());
        java.net.http.HttpRequest hanging = java.net.http.HttpRequest.newBuilder(URI.create(standIn.baseUrl()
                + "/__nothing")).timeout(Duration.ofMillis(500)).GET().build();
        assertThatThrownBy(() -> http.send(hanging, BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        assertThat(standIn.requests()).extracting(RecordedRequest::fault).containsSubsequence("status", "status",
                "status", "status", "status", "drop", "dropAfterHandling", "delay", "hang");
        assertThat(standIn.pendingFaults()).isZero();
    }

    // ------------------------------------------------------------------ OBS

    @Test
    void obsPutWithTheOfficialClientThenHeadAndCreateFromObs() throws Exception {
        byte[] zip = zip("big.jar", "x".repeat(1000));
        try (ObsClient obs = obsClient(AK, SK)) {
            PutObjectResult put = obs.putObject("deploy-bucket", "functiongraph/obs-fn/pkg.zip",
                    new ByteArrayInputStream(zip));
            assertThat(put.getStatusCode()).isEqualTo(200);
            ObjectMetadata meta = obs.getObjectMetadata("deploy-bucket", "functiongraph/obs-fn/pkg.zip");
            assertThat(meta.getContentLength()).isEqualTo(zip.length);
            assertThat(meta.getEtag()).isEqualTo("\"" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(zip)) + "\"");
            assertThatThrownBy(() -> obs.getObjectMetadata("deploy-bucket", "absent"))
                    .isInstanceOfSatisfying(ObsException.class, e -> assertThat(e.getResponseCode()).isEqualTo(404));
        }
        assertThat(standIn.objectBytes("deploy-bucket", "functiongraph/obs-fn/pkg.zip")).isEqualTo(zip);
        try (ObsClient bad = obsClient(AK, "wrong-sk")) {
            assertThatThrownBy(() -> bad.putObject("deploy-bucket", "k", new ByteArrayInputStream(zip)))
                    .isInstanceOfSatisfying(ObsException.class, e -> {
                        assertThat(e.getResponseCode()).isEqualTo(403);
                        assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
        ObsConfiguration defaults = new ObsConfiguration();
        defaults.setEndPoint(standIn.baseUrl());
        defaults.setPathStyle(true);
        try (ObsClient v2 = new ObsClient(AK, SK, defaults)) {
            assertThat(v2.getObjectMetadata("deploy-bucket", "functiongraph/obs-fn/pkg.zip").getContentLength())
                    .isEqualTo(zip.length);
        }
        standIn.setMissingBucket("gone-bucket");
        try (ObsClient obs = obsClient(AK, SK)) {
            assertThatThrownBy(() -> obs.putObject("gone-bucket", "k", new ByteArrayInputStream(zip)))
                    .isInstanceOfSatisfying(ObsException.class, e -> assertThat(e.getResponseCode()).isEqualTo(404));
        }

        ObjectNode b = createBody("obs-fn", zip);
        b.remove("func_code");
        b.remove("code_filename");
        b.put("code_type", "obs");
        b.put("code_url", "https://deploy-bucket.obs.cn-north-4.myhuaweicloud.com/functiongraph/obs-fn/pkg.zip");
        HttpResponse<String> r = call("POST", FUNCTIONS, b.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("digest").asText()).isEqualTo(sha512(zip));
        assertThat(standIn.functionCode("obs-fn")).isEqualTo(zip);

        List<RecordedRequest> obsRequests = standIn.requests().stream().filter(x -> x.service().equals("obs")).toList();
        assertThat(obsRequests).anySatisfy(x -> {
            assertThat(x.method()).isEqualTo("PUT");
            assertThat(x.authType()).isEqualTo("aws-v2");
            assertThat(x.bodySha256()).isNotNull();
        });
    }

    HttpResponse<String> obsSigned(String method, String path, byte[] body, String sk, Map<String, String> extra)
            throws Exception {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String type = body == null ? "" : "application/zip";
        StringBuilder toSign = new StringBuilder(method).append('\n').append('\n').append(type).append('\n')
                .append(date).append('\n');
        new java.util.TreeMap<>(extra).forEach((k, v) -> toSign.append(k.toLowerCase()).append(':').append(v)
                .append('\n'));
        toSign.append(path);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(toSign.toString().getBytes(StandardCharsets.UTF_8)));
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                .header("Date", date).header("Authorization", "OBS " + AK + ":" + sig)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", type);
        }
        extra.forEach(b::header);
        return http.send(b.build(), BodyHandlers.ofString());
    }

    @Test
    void obsNativeSignatureIndependentlyComputed() throws Exception {
        byte[] body = zip("a", "b");
        HttpResponse<String> put = obsSigned("PUT", "/native-bucket/dir/pkg.zip", body, SK,
                Map.of("x-obs-meta-purpose", "test"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).contains("\"" + HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest(body)) + "\"");
        HttpResponse<String> head = obsSigned("HEAD", "/native-bucket/dir/pkg.zip", null, SK, Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(body.length));
        assertThat(obsSigned("HEAD", "/native-bucket/dir/none.zip", null, SK, Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = obsSigned("PUT", "/native-bucket/dir/pkg.zip", body, "nope", Map.of());
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("<StringToSign>");
        assertThat(standIn.requests().get(0).authType()).isEqualTo("obs");
    }

    @Test
    void obsContentMd5IsChecked() throws Exception {
        try (ObsClient obs = obsClient(AK, SK)) {
            com.obs.services.model.PutObjectRequest req = new com.obs.services.model.PutObjectRequest("b-md5", "k",
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
            ObjectMetadata m = new ObjectMetadata();
            m.setContentMd5(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                    .digest("other".getBytes(StandardCharsets.UTF_8))));
            req.setMetadata(m);
            assertThatThrownBy(() -> obs.putObject(req)).isInstanceOfSatisfying(ObsException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("BadDigest"));
        }
    }

    // ------------------------------------------------------------------ size

    @Test
    void inlinePackageOf45MegabytesIsAcceptedAndOver50Refused() throws Exception {
        byte[] big = new byte[45 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        HttpResponse<String> r = call("POST", FUNCTIONS, createBody("big-fn", big).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("code_size").asLong()).isEqualTo(big.length);

        byte[] tooBig = java.util.Arrays.copyOf(big, 51 * 1024 * 1024);
        r = call("POST", FUNCTIONS, createBody("too-big", tooBig).toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error_code").asText()).isEqualTo("FSS.1071");
    }

    @Test
    void obsPutOf300Megabytes(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("big.zip");
        byte[] chunk = new byte[1024 * 1024];
        new java.util.Random(2).nextBytes(chunk);
        try (OutputStream os = Files.newOutputStream(file)) {
            for (int i = 0; i < 300; i++) {
                os.write(chunk);
            }
        }
        try (ObsClient obs = obsClient(AK, SK)) {
            obs.putObject("big-bucket", "big.zip", file.toFile());
            assertThat(obs.getObjectMetadata("big-bucket", "big.zip").getContentLength()).isEqualTo(300L << 20);
        }
        assertThat(standIn.objectSize("big-bucket", "big.zip")).isEqualTo(300L << 20);
    }

    // ------------------------------------------------------------------ IT hooks

    @Test
    void itHooksUseFilesOnly(@TempDir Path dir) throws Exception {
        standIn.close();
        Files.writeString(dir.resolve("test.properties"), "mine=kept\n");
        Files.writeString(dir.resolve(ItStandIn.FAULTS_FILE), "[{\"method\":\"GET\",\"path\":\".*/config\","
                + "\"type\":\"status\",\"status\":503,\"body\":{\"error_code\":\"FSS.0503\",\"error_msg\":\"x\"},"
                + "\"headers\":{\"Retry-After\":\"1\"}}]");
        ObjectNode pre = createBody("pre-fn", zip("a", "b"));
        pre.put("encrypted_user_data", "{\"k\":\"hidden-value\"}");
        Files.writeString(dir.resolve(ItStandIn.FUNCTIONS_FILE), "[" + pre + "]");
        File basedir = dir.toFile();
        standIn = ItStandIn.setup(basedir, Map.of("functiongraph.functionName", "pre-fn"));
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve("test.properties"))) {
            p.load(r);
        }
        assertThat(p).containsEntry("mine", "kept").containsEntry("functiongraph.endpoint", standIn.baseUrl())
                .containsEntry("functiongraph.iamEndpoint", standIn.baseUrl())
                .containsEntry("functiongraph.obsEndpoint", standIn.baseUrl())
                .containsEntry("functiongraph.region", "cn-north-4")
                .containsEntry("functiongraph.functionName", "pre-fn").doesNotContainKey("functiongraph.projectId");
        assertThat(ItStandIn.baseUrl(basedir)).isEqualTo(standIn.baseUrl());
        assertThat(ItStandIn.code(basedir, "pre-fn")).isEqualTo(zip("a", "b"));

        assertThat(call("GET", FUNCTIONS + "/" + URN_BASE + "pre-fn/config", null).statusCode()).isEqualTo(503);
        assertThat(call("GET", FUNCTIONS + "/" + URN_BASE + "pre-fn/config", null).statusCode()).isEqualTo(200);
        List<Map<String, Object>> journal = ItStandIn.journal(basedir);
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0)).containsEntry("status", 503).containsEntry("fault", "status");
        assertThat(journal.get(1)).containsEntry("status", 200).containsEntry("accessKey", AK);
        assertThat(Files.readString(dir.resolve(CloudStandIn.JOURNAL_FILE))).doesNotContain(SK);

        ItStandIn.stop(basedir);
        for (int i = 0; i < 50 && !standIn.isClosed(); i++) {
            Thread.sleep(100);
        }
        assertThat(standIn.isClosed()).isTrue();
    }
}
