package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.model.TagsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Adds or changes the POM's tags on the function and keeps the others: ListFunctionTags, then one CreateTags
 * ({@code action: create}) with the tags that are missing or have another value; nothing is ever deleted. An unchanged
 * rerun sends only the read.
 */
final class TagReconciler {
    private final FunctionGraphClient fg;
    private final Reporter reporter;

    TagReconciler(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /**
     * The tag API's {@code resource_id} for the function: its {@code func_id} (as Terraform's provider uses it), the
     * one place that decides; the unqualified URN only when the configuration shows no id.
     */
    static String resourceId(JsonNode config, FunctionUrn urn) {
        String id = config == null ? "" : config.path("func_id").asText("");
        return id.isEmpty() ? urn.unqualified() : id;
    }

    /** The declared tags whose key is missing from {@code listed} or has another value there, by key. */
    static Map<String, String> plan(Map<String, String> desired, JsonNode listed) {
        Map<String, String> current = current(listed);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : desired.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    static Map<String, String> current(JsonNode listed) {
        Map<String, String> current = new LinkedHashMap<>();
        for (JsonNode t : listed.path("tags")) {
            current.put(t.path("key").asText(), t.path("value").asText(""));
        }
        return current;
    }

    static TagsRequest request(Map<String, String> tags) {
        TagsRequest body = new TagsRequest();
        body.action = "create";
        for (Map.Entry<String, String> e : tags.entrySet()) {
            body.tags.add(new TagsRequest.Tag(e.getKey(), e.getValue()));
        }
        return body;
    }

    void apply(String resourceId, Map<String, String> desired, List<String> changes) throws FunctionGraphException {
        JsonNode listed = fg.listTags(resourceId);
        Map<String, String> current = current(listed);
        Map<String, String> writes = plan(desired, listed);
        if (writes.isEmpty()) {
            reporter.info("Tags unchanged (" + desired.size() + " of the POM's, " + current.size() + " on the function)");
            return;
        }
        List<String> what = new ArrayList<>();
        for (Map.Entry<String, String> e : writes.entrySet()) {
            String old = current.get(e.getKey());
            what.add(old == null ? "tag " + e.getKey() + "=" + e.getValue() + " added"
                    : "tag " + e.getKey() + " " + old + " -> " + e.getValue());
        }
        reporter.info("Updating tags: " + String.join(", ", what));
        fg.createTags(resourceId, request(writes));
        changes.addAll(what);
    }
}
