package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The function's scaling, as the SDK's {@code FunctionGraphMeta} defines it: UpdateFunctionMaxInstanceConfig
 * ({@code PUT /v2/{project_id}/fgs/functions/{function_urn}/config-max-instance}, body
 * {@code UpdateFunctionMaxInstanceConfigRequestBody} {@code {"max_instance_num": n}}, -1…1000, 0 disables;
 * answers with the function's configuration), and the ranges of {@code StrategyConfig} ({@code concurrency}
 * -1…1000, {@code concurrent_num} 1…1000) on UpdateFunctionConfig. Stateful: the maximum set here is what
 * ShowFunctionConfig and ShowFunctionCode then show in {@code strategy_config.concurrency} for {@code latest}, until
 * an UpdateFunctionConfig sets {@code strategy_config.concurrency} itself. Wired in front of {@link FunctionGraphApi}
 * by {@link CloudStandIn}.
 */
final class ScalingApi {
    static final int MAX = 1000;

    /** The function's configuration as the API shows it, or null when it does not exist. */
    interface Configs {
        ObjectNode config(String project, String pkg, String name);
    }

    private final Configs configs;
    private final Object lock = new Object();
    /** {@code project/pkg/name} → the maximum set by config-max-instance. */
    private final Map<String, Integer> maxInstances = new LinkedHashMap<>();

    ScalingApi(Configs configs) {
        this.configs = configs;
    }

    /**
     * {@code segments}: the path after {@code /v2/<project>/fgs/functions}. The reply to a call this class answers;
     * a 400 for an UpdateFunctionConfig whose {@code strategy_config} is out of range; else null (FunctionGraphApi's).
     */
    Reply before(Incoming in, String project, List<String> segments) {
        if (segments.size() != 2) {
            return null;
        }
        String sub = segments.get(1);
        if (sub.equals("config-max-instance")) {
            return in.method.equals("PUT") ? updateMaxInstances(in, project, segments.get(0))
                    : FunctionGraphApi.notFoundApi();
        }
        if (sub.equals("config") && in.method.equals("PUT") && in.json() != null
                && in.json().has("strategy_config")) {
            JsonNode s = in.json().get("strategy_config");
            if (!s.isObject()) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: strategy_config must be an object");
            }
            String bad = range(s, "concurrency", -1, MAX);
            if (bad == null) {
                bad = range(s, "concurrent_num", 1, MAX);
            }
            if (bad != null) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: strategy_config." + bad);
            }
        }
        return null;
    }

    /** After FunctionGraphApi answered: {@code latest}'s strategy_config as this class keeps it. */
    Reply after(Incoming in, String project, List<String> segments, Reply r) {
        if (segments.size() != 2 || r.status != 200 || r.body == null) {
            return r;
        }
        String[] urn = urn(segments.get(0));
        if (urn == null || !project.equals(urn[3]) || !(urn.length == 7 || urn[7].equals("latest"))) {
            return r;
        }
        String key = urn[3] + "/" + urn[5] + "/" + urn[6];
        String call = segments.get(1) + " " + in.method;
        synchronized (lock) {
            if (call.equals("config PUT") && in.json().path("strategy_config").has("concurrency")) {
                maxInstances.remove(key);
                return r;
            }
            Integer max = maxInstances.get(key);
            if (max == null || !(call.equals("config GET") || call.equals("code GET"))) {
                return r;
            }
            try {
                ObjectNode body = (ObjectNode) Http.JSON.readTree(r.body);
                withMax(body, max);
                r.body = Http.JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return r;
        }
    }

    private Reply updateMaxInstances(Incoming in, String project, String urnText) {
        String ct = in.header("content-type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json") || in.json() == null
                || !in.json().isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the body must be a JSON object "
                    + "{\"max_instance_num\": n}");
        }
        Iterator<String> names = in.json().fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!f.equals("max_instance_num")) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: unknown field '" + f + "'");
            }
        }
        if (!in.json().has("max_instance_num")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: max_instance_num is required");
        }
        String bad = range(in.json(), "max_instance_num", -1, MAX);
        if (bad != null) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: " + bad);
        }
        String[] urn = urn(urnText);
        if (urn == null || !project.equals(urn[3])) {
            return Reply.error(400, "FSS.0400", "Invalid function URN '" + urnText + "'");
        }
        if (urn.length == 8 && !urn[7].equals("latest")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the maximum instances are the function's, "
                    + "set on latest, not " + urn[7]);
        }
        synchronized (lock) {
            ObjectNode config = configs.config(urn[3], urn[5], urn[6]);
            if (config == null) {
                return Reply.error(404, "FSS.1051", "Not found the function " + urn[5] + "/" + urn[6]);
            }
            int max = in.json().get("max_instance_num").intValue();
            maxInstances.put(urn[3] + "/" + urn[5] + "/" + urn[6], max);
            withMax(config, max);
            return Reply.json(200, config);
        }
    }

    private static void withMax(ObjectNode config, int max) {
        JsonNode s = config.get("strategy_config");
        ObjectNode strategy = s instanceof ObjectNode ? (ObjectNode) s : config.putObject("strategy_config");
        strategy.put("concurrency", max);
    }

    /** Null when {@code node.field} is absent or an integer in range; else what is wrong. */
    private static String range(JsonNode node, String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            return field + " must be an integer from " + min + " to " + max + ", was " + v;
        }
        return null;
    }

    private static String[] urn(String text) {
        String[] p = ObsApi.percentDecode(text).split(":", -1);
        if ((p.length != 7 && p.length != 8) || !p[0].equals("urn") || !p[1].equals("fss")
                || !p[4].equals("function")) {
            return null;
        }
        return p;
    }

    /** {@code config} (latest's, as the API shows it) with the maximum kept here; null stays null. */
    ObjectNode overlay(String project, String pkg, String name, ObjectNode config) {
        synchronized (lock) {
            Integer max = maxInstances.get(project + "/" + pkg + "/" + name);
            if (config != null && max != null) {
                withMax(config, max);
            }
            return config;
        }
    }

    /** The maximum set by config-max-instance for {@code latest}, or null (for tests). */
    Integer maxInstances(String project, String pkg, String name) {
        synchronized (lock) {
            return maxInstances.get(project + "/" + pkg + "/" + name);
        }
    }
}
