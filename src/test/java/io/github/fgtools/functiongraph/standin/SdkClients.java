package io.github.fgtools.functiongraph.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.functiongraph.v2.FunctionGraphClient;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequest;
import com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequestBody;
import com.huaweicloud.sdk.functiongraph.v2.model.FuncCode;

/** The official SDK's client pointed at a stand-in, for the tests that drive the stand-in's APIs with it. */
final class SdkClients {
    private SdkClients() {
    }

    static FunctionGraphClient of(CloudStandIn standIn) {
        return FunctionGraphClient.newBuilder()
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true).withTimeout(30))
                .withCredential(new BasicCredentials().withAk(CloudStandIn.AK).withSk(CloudStandIn.SK)
                        .withProjectId(CloudStandIn.PROJECT_ID))
                .withEndpoints(List.of(standIn.baseUrl())).build();
    }

    /** Creates a Java11 function {@code name} in package {@code default} with a one-entry zip, through the SDK. */
    static void createFunction(FunctionGraphClient client, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("handler.jar"));
            z.write("x".getBytes());
        }
        client.createFunction(new CreateFunctionRequest().withBody(new CreateFunctionRequestBody()
                .withFuncName(name).withPackage("default").withRuntime(CreateFunctionRequestBody.RuntimeEnum.JAVA11)
                .withHandler("com.example.Handler.handle").withMemorySize(256).withTimeout(30)
                .withCodeType(CreateFunctionRequestBody.CodeTypeEnum.ZIP).withCodeFilename(name + ".zip")
                .withFuncCode(new FuncCode().withFile(Base64.getEncoder().encodeToString(bytes.toByteArray())))));
    }
}
