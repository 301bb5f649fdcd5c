package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trigger API below {@code /v2/{project_id}/fgs/triggers/{function_urn}}, as the SDK's {@code FunctionGraphMeta}
 * (ListFunctionTriggers, CreateFunctionTrigger, ShowFunctionTrigger, UpdateTrigger, DeleteFunctionTrigger,
 * BatchDeleteFunctionTriggers) and its models ({@code CreateFunctionTriggerRequestBody},
 * {@code TriggerEventDataRequestBody}, {@code UpdateTriggerRequestBody}, {@code ListFunctionTriggerResult}) define it.
 * Stateful: triggers belong to a function's qualifier ({@code latest}, a version or {@code !alias}); they go with
 * their function. Validates bodies as the service does: unknown fields, per-type required fields and values, only
 * TIMER, DDS, LTS and KAFKA DISABLED, 409 FSS.1073 on a duplicate, 400 on an update of a field the API cannot update.
 * DDS and KAFKA triggers start DISABLED; APIG and DEDICATEDGATEWAY answer with {@code invoke_url} and {@code api_id}.
 */
final class TriggersApi {
    static final Set<String> TYPES = Set.of("TIMER", "APIG", "CTS", "DDS", "DMS", "DIS", "LTS", "OBS", "SMN", "KAFKA",
            "RABBITMQ", "DEDICATEDGATEWAY", "OPENSOURCEKAFKA", "APIC", "GAUSSMONGO", "EVENTGRID");
    static final Set<String> CREATE_FIELDS = Set.of("trigger_type_code", "trigger_status", "event_type_code",
            "event_data");
    /** {@code TriggerEventDataRequestBody}'s JSON names. */
    static final Set<String> EVENT_DATA_FIELDS = Set.of("name", "schedule_type", "schedule", "user_event", "type",
            "path", "protocol", "req_method", "group_id", "group_name", "match_mode", "env_name", "env_id", "auth",
            "func_info", "sl_domain", "backend_type", "operations", "instance_id", "collection_name", "db_name",
            "db_password", "batch_size", "queue_id", "consumer_group_id", "polling_interval", "stream_name",
            "sharditerator_type", "polling_unit", "max_fetch_bytes", "is_serial", "log_group_id", "log_topic_id",
            "bucket", "prefix", "suffix", "events", "topic_urn", "topic_ids", "kafka_user", "kafka_password",
            "kafka_connect_address", "kafka_ssl_enable", "access_password", "access_user", "connect_address",
            "exchange_name", "vhost", "ssl_enable", "Key_encode", "agency", "channel_name", "channel_id",
            "source_name", "created_time", "status", "trigger_name", "event_types");
    /** {@code UpdateTriggerRequestBody}: the status, and stream settings in {@code UpdateriggerEventData}. */
    static final Set<String> UPDATE_FIELDS = Set.of("trigger_status", "event_data");
    static final Set<String> UPDATE_EVENT_DATA_FIELDS = Set.of("is_serial", "max_fetch_bytes", "polling_interval",
            "polling_unit");
    private static final Set<String> MAY_DISABLE = Set.of("TIMER", "DDS", "LTS", "KAFKA");
    private static final Set<String> START_DISABLED = Set.of("DDS", "KAFKA");
    private static final Pattern TIMER_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");
    private static final Pattern RATE = Pattern.compile("^([1-9][0-9]*)([mhd])$");

    /** Does the function {@code project/pkg/name} exist? */
    interface Functions {
        boolean exists(String project, String pkg, String name);
    }

    private final Functions functions;
    private final String host;
    private final Object lock = new Object();
    /** {@code project/pkg/name} → qualifier → triggers. */
    private final Map<String, Map<String, List<ObjectNode>>> triggers = new LinkedHashMap<>();

    TriggersApi(Functions functions, String host) {
        this.functions = functions;
        this.host = host;
    }

    /** {@code segments}: the path after {@code /v2/<project>/fgs/triggers}, split at '/'. */
    Reply handle(Incoming in, String project, List<String> segments) {
        if (segments.isEmpty() || segments.get(0).isEmpty()) {
            return FunctionGraphApi.notFoundApi();
        }
        String[] urn = ObsApi.percentDecode(segments.get(0)).split(":", -1);
        if (urn.length != 8 || !urn[0].equals("urn") || !urn[1].equals("fss") || !urn[4].equals("function")) {
            return Reply.error(400, "FSS.0400", "Invalid function URN '" + segments.get(0) + "': triggers need a "
                    + "qualified URN, urn:fss:<region>:<project_id>:function:<package>:<name>:<qualifier>");
        }
        if (!urn[3].equals(project)) {
            return Reply.error(404, "FSS.1051", "Not found the function: the URN's project is not " + project);
        }
        String fn = project + "/" + urn[5] + "/" + urn[6];
        String qualifier = urn[7];
        synchronized (lock) {
            if (!functions.exists(project, urn[5], urn[6])) {
                triggers.remove(fn); // triggers go with their function
                return Reply.error(404, "FSS.1051", "Not found the function " + urn[5] + "/" + urn[6]);
            }
            List<ObjectNode> list = triggers.computeIfAbsent(fn, k -> new LinkedHashMap<>())
                    .computeIfAbsent(qualifier, k -> new ArrayList<>());
            String m = in.method;
            if (segments.size() == 1) {
                switch (m) {
                    case "GET": {
                        ArrayNode out = Http.JSON.createArrayNode();
                        list.forEach(t -> out.add(t.deepCopy()));
                        return Reply.json(200, out);
                    }
                    case "POST":
                        return create(in, String.join(":", urn), list);
                    case "DELETE":
                        list.clear();
                        return Reply.noContent();
                    default:
                        return FunctionGraphApi.notFoundApi();
                }
            }
            if (segments.size() != 3) {
                return FunctionGraphApi.notFoundApi();
            }
            String type = segments.get(1);
            String id = segments.get(2);
            ObjectNode t = list.stream().filter(x -> x.path("trigger_id").asText().equals(id)
                    && x.path("trigger_type_code").asText().equals(type)).findFirst().orElse(null);
            if (t == null) {
                return Reply.error(404, "FSS.1053", "Not found the trigger " + type + "/" + id);
            }
            switch (m) {
                case "GET":
                    return Reply.json(200, t.deepCopy());
                case "DELETE":
                    list.remove(t);
                    return Reply.noContent();
                case "PUT":
                    return update(in, t);
                default:
                    return FunctionGraphApi.notFoundApi();
            }
        }
    }

    /** Direct state access for tests and setup.groovy: a trigger made "in the console" (no auth, no journal). */
    JsonNode create(String project, String pkg, String name, String qualifier, String region, ObjectNode body) {
        synchronized (lock) {
            List<ObjectNode> list = triggers.computeIfAbsent(project + "/" + pkg + "/" + name,
                    k -> new LinkedHashMap<>()).computeIfAbsent(qualifier, k -> new ArrayList<>());
            String urn = "urn:fss:" + region + ":" + project + ":function:" + pkg + ":" + name + ":" + qualifier;
            List<String> errors = createErrors(body, list);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return add(body, urn, list);
        }
    }

    /** The triggers of a qualifier, as ListFunctionTriggers answers. */
    List<JsonNode> list(String project, String pkg, String name, String qualifier) {
        synchronized (lock) {
            return new ArrayList<>(triggers.getOrDefault(project + "/" + pkg + "/" + name, Map.of())
                    .getOrDefault(qualifier, List.of()));
        }
    }

    private Reply create(Incoming in, String urn, List<ObjectNode> list) {
        if (in.json() == null || !in.json().isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the request body must be a JSON object");
        }
        ObjectNode body = (ObjectNode) in.json();
        List<String> errors = createErrors(body, list);
        if (!errors.isEmpty()) {
            boolean duplicate = errors.size() == 1 && errors.get(0).startsWith("duplicate");
            return duplicate ? Reply.error(409, "FSS.1073", "The trigger already exists: " + errors.get(0))
                    : Reply.error(400, "FSS.0400", "Invalid parameter: " + String.join("; ", errors));
        }
        return Reply.json(200, add(body, urn, list));
    }

    private ObjectNode add(ObjectNode body, String urn, List<ObjectNode> list) {
        String type = body.path("trigger_type_code").asText();
        ObjectNode t = Http.JSON.createObjectNode();
        t.put("trigger_id", UUID.randomUUID().toString());
        t.put("trigger_type_code", type);
        t.put("trigger_status", START_DISABLED.contains(type) ? "DISABLED"
                : body.path("trigger_status").asText("ACTIVE"));
        ObjectNode data = body.path("event_data").deepCopy();
        data.remove(List.of("kafka_password", "db_password", "access_password")); // not given back
        if (type.equals("APIG") || type.equals("DEDICATEDGATEWAY")) {
            String apiId = UUID.randomUUID().toString().replace("-", "");
            data.put("api_id", apiId);
            data.put("invoke_url", "https://" + data.path("group_id").asText() + "." + host
                    + data.path("path").asText());
            ObjectNode funcInfo = data.path("func_info") instanceof ObjectNode o ? o : data.putObject("func_info");
            funcInfo.put("function_urn", urn);
            if (!funcInfo.has("timeout")) {
                funcInfo.put("timeout", 5000);
            }
        }
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        t.set("event_data", data);
        t.put("last_updated_time", now);
        t.put("created_time", now);
        list.add(t);
        return t.deepCopy();
    }

    private static List<String> createErrors(ObjectNode body, List<ObjectNode> existing) {
        List<String> e = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!CREATE_FIELDS.contains(f)) {
                e.add("unknown field " + f);
            }
        });
        String type = body.path("trigger_type_code").asText("");
        if (!TYPES.contains(type)) {
            e.add("trigger_type_code '" + type + "' is not one of " + TYPES);
            return e;
        }
        String status = body.path("trigger_status").asText("ACTIVE");
        if (!status.equals("ACTIVE") && !status.equals("DISABLED")) {
            e.add("trigger_status is ACTIVE or DISABLED");
        } else if (status.equals("DISABLED") && !MAY_DISABLE.contains(type)) {
            e.add("a " + type + " trigger cannot be DISABLED");
        }
        JsonNode data = body.get("event_data");
        if (data == null || !data.isObject()) {
            e.add("event_data is required, an object");
            return e;
        }
        data.fieldNames().forEachRemaining(f -> {
            if (!EVENT_DATA_FIELDS.contains(f)) {
                e.add("unknown field event_data." + f);
            }
        });
        typeErrors(type, data, e);
        if (e.isEmpty()) {
            for (ObjectNode t : existing) {
                if (t.path("trigger_type_code").asText().equals(type) && sameIdentity(type, data,
                        t.path("event_data"))) {
                    e.add("duplicate " + type + " trigger " + t.path("trigger_id").asText());
                }
            }
        }
        return e;
    }

    private static void typeErrors(String type, JsonNode d, List<String> e) {
        switch (type) {
            case "TIMER" -> {
                if (!TIMER_NAME.matcher(d.path("name").asText("")).matches()) {
                    e.add("event_data.name must match " + TIMER_NAME);
                }
                String kind = d.path("schedule_type").asText("");
                String s = d.path("schedule").asText("");
                if (kind.equals("Rate")) {
                    var m = RATE.matcher(s);
                    int max = !m.matches() ? 0 : m.group(2).equals("m") ? 60 : m.group(2).equals("h") ? 24 : 30;
                    if (!m.matches() || Integer.parseInt(m.group(1)) > max) {
                        e.add("event_data.schedule '" + s + "' is not a Rate (1-60m, 1-24h, 1-30d)");
                    }
                } else if (kind.equals("Cron")) {
                    if (!s.startsWith("@every ") && s.trim().split("\\s+").length != 6) {
                        e.add("event_data.schedule '" + s + "' is not a Cron with seconds (six fields) or @every");
                    }
                } else {
                    e.add("event_data.schedule_type is Rate or Cron");
                }
            }
            case "APIG", "DEDICATEDGATEWAY" -> {
                need(d, e, "group_id", "env_id", "env_name", "path", "protocol", "req_method", "match_mode", "auth");
                oneOf(d, e, "protocol", Set.of("HTTP", "HTTPS"));
                oneOf(d, e, "req_method", Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "ANY"));
                oneOf(d, e, "match_mode", Set.of("SWA", "NORMAL"));
                oneOf(d, e, "auth", Set.of("IAM", "APP", "NONE"));
                if (!d.path("path").asText("/").startsWith("/")) {
                    e.add("event_data.path starts with /");
                }
                int vis = d.path("type").asInt(0);
                if (vis != 1 && vis != 2) {
                    e.add("event_data.type is 1 (public) or 2 (private)");
                }
                JsonNode timeout = d.path("func_info").path("timeout");
                if (!timeout.isInt() || timeout.asInt() < 1 || timeout.asInt() > 60000) {
                    e.add("event_data.func_info.timeout is 1-60000");
                }
                if (type.equals("DEDICATEDGATEWAY")) {
                    need(d, e, "instance_id");
                }
            }
            case "OBS" -> {
                need(d, e, "bucket");
                if (!d.path("events").isArray() || d.path("events").isEmpty()) {
                    e.add("event_data.events is a non-empty array");
                } else {
                    d.path("events").forEach(x -> {
                        if (!x.asText().startsWith("s3:Object")) {
                            e.add("event_data.events: '" + x.asText() + "' is not an OBS event");
                        }
                    });
                }
            }
            case "SMN" -> need(d, e, "topic_urn");
            case "LTS" -> need(d, e, "log_group_id", "log_topic_id");
            case "KAFKA", "DMS" -> {
                need(d, e, "instance_id");
                if (!d.path("topic_ids").isArray() || d.path("topic_ids").isEmpty()) {
                    e.add("event_data.topic_ids is a non-empty array");
                }
                int batch = d.path("batch_size").asInt(100);
                if (batch < 1 || batch > 1000) {
                    e.add("event_data.batch_size is 1-1000");
                }
            }
            default -> {
            }
        }
    }

    private static boolean sameIdentity(String type, JsonNode a, JsonNode b) {
        List<String> fields = switch (type) {
            case "TIMER" -> List.of("name");
            case "APIG", "DEDICATEDGATEWAY" -> List.of("group_id", "path", "req_method");
            case "OBS" -> List.of("bucket", "events", "prefix", "suffix");
            case "SMN" -> List.of("topic_urn");
            case "LTS" -> List.of("log_topic_id");
            default -> null;
        };
        if (fields == null) {
            return a.equals(b);
        }
        for (String f : fields) {
            JsonNode x = a.path(f);
            JsonNode y = b.path(f);
            boolean same = x.isArray() && y.isArray() ? setOf(x).equals(setOf(y)) : x.asText("").equals(y.asText(""));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> setOf(JsonNode array) {
        Set<String> out = new java.util.HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Reply update(Incoming in, ObjectNode t) {
        if (in.json() == null || !in.json().isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the request body must be a JSON object");
        }
        List<String> e = new ArrayList<>();
        for (Iterator<String> it = in.json().fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!UPDATE_FIELDS.contains(f)) {
                e.add("field " + f + " cannot be updated (delete the trigger and create it again)");
            }
        }
        JsonNode data = in.json().get("event_data");
        if (data != null && !data.isNull()) {
            for (JsonNode item : data.isArray() ? data : List.of(data)) {
                item.fieldNames().forEachRemaining(f -> {
                    if (!UPDATE_EVENT_DATA_FIELDS.contains(f)) {
                        e.add("event_data." + f + " cannot be updated (delete the trigger and create it again)");
                    }
                });
            }
        }
        String type = t.path("trigger_type_code").asText();
        String status = in.json().path("trigger_status").asText(null);
        if (status != null && !status.equals("ACTIVE") && !status.equals("DISABLED")) {
            e.add("trigger_status is ACTIVE or DISABLED");
        } else if ("DISABLED".equals(status) && !MAY_DISABLE.contains(type)) {
            e.add("a " + type + " trigger cannot be DISABLED");
        }
        if (!e.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: " + String.join("; ", e));
        }
        if (status != null) {
            t.put("trigger_status", status);
        }
        t.put("last_updated_time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        return Reply.json(200, t.deepCopy());
    }

    private static void need(JsonNode d, List<String> e, String... fields) {
        for (String f : fields) {
            if (d.path(f).asText("").isEmpty()) {
                e.add("event_data." + f + " is required");
            }
        }
    }

    private static void oneOf(JsonNode d, List<String> e, String field, Set<String> allowed) {
        String v = d.path(field).asText("");
        if (!v.isEmpty() && !allowed.contains(v)) {
            e.add("event_data." + field + " '" + v + "' is not one of " + allowed);
        }
    }
}
