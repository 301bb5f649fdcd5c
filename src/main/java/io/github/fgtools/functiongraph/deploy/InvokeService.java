package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Synchronous invocation of a deployed function: prints the result and the log tail, writes
 * {@code invoke-result.json}, and fails when the function reports an error (a smoke test for pipelines).
 */
public final class InvokeService {
    private static final Pattern VERSION = Pattern.compile("latest|[0-9]+");
    private final DeployListener listener;

    public InvokeService(DeployListener listener) {
        this.listener = listener;
    }

    /** Checks the payload is JSON; returns its bytes. */
    public static byte[] payload(Problems problems, String payload, Path payloadFile) {
        byte[] bytes;
        if (payloadFile != null) {
            try {
                bytes = java.nio.file.Files.readAllBytes(payloadFile);
            } catch (IOException e) {
                problems.add(Parameters.PAYLOAD_FILE, payloadFile.toString(), "a readable file ("
                        + e.getClass().getSimpleName() + ")");
                return null;
            }
        } else {
            bytes = (payload == null || payload.trim().isEmpty() ? "{}" : payload).getBytes(StandardCharsets.UTF_8);
        }
        try {
            RequestBodies.JSON.readTree(bytes);
        } catch (IOException e) {
            problems.add(payloadFile != null ? Parameters.PAYLOAD_FILE : Parameters.PAYLOAD,
                    payloadFile != null ? payloadFile.toString() : payload, "JSON (" + e.getMessage().split("\\r?\\n")[0] + ")");
        }
        if (bytes.length > 6 * 1024 * 1024) {
            problems.add(Parameters.PAYLOAD, bytes.length + " bytes", "at most 6 MB");
        }
        return bytes;
    }

    public JsonNode invoke(CloudSettings cloud, DeployService.CredentialsSupplier credentials, String functionPackage,
            String functionName, String qualifier, byte[] payload, Path outputDirectory) throws FunctionGraphException {
        String q = qualifier == null || qualifier.trim().isEmpty() ? "latest" : qualifier.trim();
        try (CloudSession session = CloudSession.open(cloud, "invoke", credentials, listener)) {
            FunctionUrn urn = session.urn(functionPackage, functionName);
            String target = urn.qualified(q, !VERSION.matcher(q).matches());
            listener.step("Invoking " + target);
            long start = System.nanoTime();
            FunctionGraphClient.Invocation result = session.functionGraph.invoke(target, payload);
            long millis = (System.nanoTime() - start) / 1_000_000;
            ObjectNode out = RequestBodies.JSON.createObjectNode();
            out.put("functionUrn", target);
            out.put("requestId", result.requestId);
            out.put("functionError", result.functionError);
            out.put("durationMs", millis);
            out.set("result", result.body.get("result"));
            out.set("log", result.body.get("log"));
            DeployService.writeJson(outputDirectory.resolve("invoke-result.json"), out);
            String log = result.body.path("log").asText("");
            if (!log.isEmpty()) {
                listener.step("Log tail:");
                for (String line : log.split("\\r?\\n")) {
                    if (!line.trim().isEmpty()) {
                        listener.step("  " + line);
                    }
                }
            }
            String text = result.body.has("result") ? (result.body.get("result").isTextual()
                    ? result.body.get("result").asText() : result.body.get("result").toString()) : "";
            if (result.functionError) {
                throw new FunctionGraphException("The function reported an error (request id " + result.requestId
                        + "): " + text);
            }
            listener.step("Result (" + millis + " ms, request id " + result.requestId + "): " + text);
            return out;
        }
    }
}
