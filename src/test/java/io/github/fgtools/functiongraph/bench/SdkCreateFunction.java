package io.github.fgtools.functiongraph.bench;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionResponse;
import com.huaweicloud.sdk.functiongraph.v2.model.FuncCode;

/**
 * The benchmark's reference (not a test): the same inline CreateFunction with the official Huawei Cloud SDK, the way
 * a program using it would do it. Prints the span from reading the package to the response.
 * Arguments: endpoint projectId ak sk packageFile functionName.
 */
public final class SdkCreateFunction {
    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String projectId = args[1];
        HttpConfig config = HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(120);
        FunctionGraphClient client = FunctionGraphClient.newBuilder().withHttpConfig(config)
                .withCredential(new BasicCredentials().withAk(args[2]).withSk(args[3]).withProjectId(projectId))
                .withEndpoints(Collections.singletonList(endpoint)).build();
        long start = System.nanoTime();
        byte[] code = Files.readAllBytes(Paths.get(args[4]));
        CreateFunctionResponse response = client.createFunction(new CreateFunctionRequest().withBody(
                new CreateFunctionRequestBody().withFuncName(args[5]).withPackage("default")
                        .withRuntime(CreateFunctionRequestBody.RuntimeEnum.JAVA11)
                        .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                        .withCodeType(CreateFunctionRequestBody.CodeTypeEnum.JAR)
                        .withCodeFilename(args[5] + ".jar")
                        .withFuncCode(new FuncCode().withFile(Base64.getEncoder().encodeToString(code)))));
        long end = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, "SDK created %s (HTTP %d) in %.2f s", response.getFuncUrn(),
                response.getHttpStatusCode(), (end - start) / 1e9));
    }
}
