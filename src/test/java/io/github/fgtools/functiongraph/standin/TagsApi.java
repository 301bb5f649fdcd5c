package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The function tag API as the SDK's {@code FunctionGraphMeta} defines it, below
 * {@code /v2/{project_id}/{resource_type}/{resource_id}/tags} with {@code resource_type} {@code functions}:
 * ListFunctionTags ({@code GET …/tags}: {@code {"tags": [KvItem], "sys_tags": [KvItem]}}), CreateTags
 * ({@code POST …/tags/create}) and DeleteTags ({@code DELETE …/tags/delete}), both with
 * {@code UpdateFunctionTagsRequestBody} ({@code action}, {@code tags}, {@code sys_tags}). Stateful per resource;
 * creating a key the function has sets its value; at most 20 tags; key and value rules as the tag service's. The
 * {@code resource_id} is taken to be the function's {@code func_id} (as Terraform's provider sends it): a URN is
 * refused, so that a client sending one is caught.
 */
final class TagsApi {
    static final int MAX = 20;
    static final Set<String> BODY_FIELDS = Set.of("action", "tags", "sys_tags");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N} _.:=+\\-@]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N} _.:=+\\-@/]{0,255}");

    private final Object lock = new Object();
    /** resource id → key → value. */
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    /** {@code segments}: the path after {@code /v2/<project>/functions}: {@code <resource_id>, tags[, create|delete]}. */
    Reply handle(Incoming in, String project, List<String> segments) {
        String id = segments.get(0);
        if (!ID.matcher(id).matches()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: resource_id '" + ObsApi.percentDecode(id)
                    + "' is not a function id (func_id)");
        }
        String call = (segments.size() == 2 ? "" : segments.get(2)) + " " + in.method;
        if (segments.size() > 3) {
            return FunctionGraphApi.notFoundApi();
        }
        switch (call) {
            case " GET": return list(id);
            case "create POST": return change(in, id, true);
            case "delete DELETE": return change(in, id, false);
            default: return FunctionGraphApi.notFoundApi();
        }
    }

    private Reply list(String id) {
        synchronized (lock) {
            ObjectNode out = Http.JSON.createObjectNode();
            ArrayNode arr = out.putArray("tags");
            tags.getOrDefault(id, Map.of()).forEach((k, v) -> arr.addObject().put("key", k).put("value", v));
            out.putArray("sys_tags");
            return Reply.json(200, out);
        }
    }

    private Reply change(Incoming in, String id, boolean create) {
        String ct = in.header("content-type");
        JsonNode body = in.json();
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json") || body == null
                || !body.isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the body must be a JSON object");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!BODY_FIELDS.contains(f)) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: unknown field '" + f + "'");
            }
        }
        if (!body.path("tags").isArray()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: tags is required");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (JsonNode t : body.get("tags")) {
            String key = t.path("key").asText("");
            String value = t.path("value").asText("");
            if (!KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("_sys_")) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: tag key '" + key + "'");
            }
            if (create && !VALUE.matcher(value).matches()) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: tag value '" + value + "'");
            }
            given.put(key, value);
        }
        synchronized (lock) {
            Map<String, String> now = new LinkedHashMap<>(tags.getOrDefault(id, Map.of()));
            if (create) {
                now.putAll(given);
            } else {
                given.keySet().forEach(now::remove);
            }
            if (now.size() > MAX) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: at most " + MAX + " tags per function, "
                        + "would be " + now.size());
            }
            tags.put(id, now);
            return new Reply(204);
        }
    }

    void put(String id, Map<String, String> more) {
        synchronized (lock) {
            tags.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(more);
        }
    }

    /** The tags of resource {@code id} (for tests). */
    Map<String, String> tags(String id) {
        synchronized (lock) {
            return Map.copyOf(tags.getOrDefault(id, Map.of()));
        }
    }
}
