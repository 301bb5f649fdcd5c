package io.github.fgtools.functiongraph.invoke;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.ApiException;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.FunctionTarget;
import io.github.fgtools.functiongraph.config.InvokeConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Synchronous invocation of a deployed function: prints the result and the log tail, writes
 * {@code invoke-result.json}, and fails when the function reports an error (a smoke test for pipelines).
 */
public final class InvokeService {
    private final Reporter reporter;

    public InvokeService(Reporter reporter) {
        this.reporter = reporter;
    }

    public JsonNode invoke(InvokeConfig config, CloudSession.CredentialsSupplier credentials)
            throws FunctionGraphException {
        FunctionTarget t = config.target;
        try (CloudSession session = CloudSession.open(t.cloud, credentials, reporter)) {
            FunctionUrn urn = session.urn(t.functionPackage, t.functionName);
            InvokeConfig.QualifierKind kind = config.qualifierKind();
            String target = urn.qualified(config.qualifier, kind != InvokeConfig.QualifierKind.VERSION);
            reporter.info("Invoking " + target);
            long start = System.nanoTime();
            FunctionGraphClient.Invocation result;
            try {
                result = session.functionGraph.invoke(target, config.payload());
            } catch (ApiException e) {
                if (kind != InvokeConfig.QualifierKind.ALIAS_OR_VERSION || !e.is(404, "FSS.1053")) {
                    throw e;
                }
                // no alias of that name (nothing ran): the name is a version's
                target = urn.version(config.qualifier);
                reporter.info("No alias " + config.qualifier + ": invoking version " + target);
                start = System.nanoTime();
                result = session.functionGraph.invoke(target, config.payload());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("functionUrn", target);
            out.put("requestId", result.requestId);
            out.put("functionError", result.functionError);
            out.put("durationMs", millis);
            out.set("result", result.body.get("result"));
            out.set("log", result.body.get("log"));
            Json.write(config.outputDirectory.resolve("invoke-result.json"), out);
            String log = result.body.path("log").asText("");
            if (!log.isEmpty()) {
                reporter.info("Log tail:");
                for (String line : log.split("\\r?\\n")) {
                    if (!line.trim().isEmpty()) {
                        reporter.info("  " + line);
                    }
                }
            }
            String text = result.body.has("result") ? (result.body.get("result").isTextual()
                    ? result.body.get("result").asText() : result.body.get("result").toString()) : "";
            if (result.functionError) {
                throw new FunctionGraphException("The function reported an error (request id " + result.requestId
                        + "): " + text);
            }
            reporter.info("Result (" + millis + " ms, request id " + result.requestId + "): " + text);
            return out;
        }
    }
}
