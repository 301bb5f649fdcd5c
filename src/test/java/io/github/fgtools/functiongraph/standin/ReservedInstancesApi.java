package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reserved instances as the SDK's {@code FunctionGraphMeta} defines them: UpdateFunctionReservedInstancesCount
 * ({@code PUT /v2/{project_id}/fgs/functions/{function_urn}/reservedinstances}, body
 * {@code UpdateFunctionReservedInstancesCountRequestBody} {@code {count, idle_mode, tactics_config}}, answered with
 * the same fields) and ListReservedInstanceConfigs ({@code GET …/fgs/functions/reservedinstanceconfigs?function_urn=},
 * {@code {"reserved_instances": [ReservedInstanceConfigs], "page_info", "count"}}). Stateful per function and
 * qualifier ({@code latest} or a version: {@code qualifier_type} {@code version}; {@code !alias}: {@code alias}).
 */
final class ReservedInstancesApi {
    static final int MAX = 1000;
    static final Set<String> BODY_FIELDS = Set.of("count", "idle_mode", "tactics_config");

    private final ScalingApi.Configs configs;
    private final Object lock = new Object();
    /** unqualified URN → qualifier ({@code latest}, {@code 1}, {@code !prod}) → entry. */
    private final Map<String, Map<String, ObjectNode>> configured = new LinkedHashMap<>();

    ReservedInstancesApi(ScalingApi.Configs configs) {
        this.configs = configs;
    }

    /** {@code segments}: the path after {@code /v2/<project>/fgs/functions}; null: not a reserved-instance call. */
    Reply handle(Incoming in, String project, List<String> segments) {
        if (segments.size() == 1 && segments.get(0).equals("reservedinstanceconfigs")) {
            return in.method.equals("GET") ? list(in) : FunctionGraphApi.notFoundApi();
        }
        if (segments.size() == 2 && segments.get(1).equals("reservedinstances")) {
            return in.method.equals("PUT") ? update(in, project, segments.get(0)) : FunctionGraphApi.notFoundApi();
        }
        return null;
    }

    private Reply list(Incoming in) {
        List<String> urns = AkSkVerifier.parseQuery(in.rawQuery).get("function_urn");
        String urn = urns == null || urns.isEmpty() ? null : urns.get(0);
        ObjectNode out = Http.JSON.createObjectNode();
        ArrayNode arr = out.putArray("reserved_instances");
        synchronized (lock) {
            configured.forEach((fn, byQualifier) -> {
                if (urn == null || urn.equals(fn) || urn.startsWith(fn + ":")) {
                    byQualifier.forEach((q, entry) -> {
                        if (urn == null || urn.equals(fn) || urn.equals(fn + ":" + q)) {
                            arr.add(entry.deepCopy());
                        }
                    });
                }
            });
        }
        out.putObject("page_info").put("next_marker", 0).put("previous_marker", 0).put("current_count", arr.size());
        out.put("count", arr.size());
        return Reply.json(200, out);
    }

    private Reply update(Incoming in, String project, String urnText) {
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
        JsonNode count = body.get("count");
        if (count == null || !count.isIntegralNumber() || count.intValue() < 0 || count.intValue() > MAX) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: count must be an integer from 0 to " + MAX);
        }
        if (body.has("idle_mode") && !body.get("idle_mode").isBoolean()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: idle_mode must be a boolean");
        }
        String[] p = ObsApi.percentDecode(urnText).split(":", -1);
        if (p.length != 8 || !p[0].equals("urn") || !p[1].equals("fss") || !p[4].equals("function")
                || !p[3].equals(project)) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: function_urn '" + urnText + "' needs a version "
                    + "or an alias (…:latest, …:1, …:!prod)");
        }
        if (configs.config(p[3], p[5], p[6]) == null) {
            return Reply.error(404, "FSS.1051", "Not found the function " + p[5] + "/" + p[6]);
        }
        String fn = String.join(":", java.util.Arrays.copyOf(p, 7));
        String qualifier = p[7];
        boolean alias = qualifier.startsWith("!");
        ObjectNode entry = Http.JSON.createObjectNode();
        entry.put("function_urn", fn);
        entry.put("qualifier_type", alias ? "alias" : "version");
        entry.put("qualifier_name", alias ? qualifier.substring(1) : qualifier);
        entry.put("min_count", count.intValue());
        entry.put("idle_mode", body.path("idle_mode").asBoolean(false));
        if (body.has("tactics_config")) {
            entry.set("tactics_config", body.get("tactics_config"));
        }
        synchronized (lock) {
            configured.computeIfAbsent(fn, k -> new LinkedHashMap<>()).put(qualifier, entry);
        }
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("count", count.intValue());
        out.put("idle_mode", entry.get("idle_mode").booleanValue());
        if (body.has("tactics_config")) {
            out.set("tactics_config", body.get("tactics_config"));
        }
        return Reply.json(200, out);
    }
}
