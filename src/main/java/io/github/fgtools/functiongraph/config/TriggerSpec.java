package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One validated trigger: its {@code trigger_type_code}, {@code trigger_status} and the API's {@code event_data}, with
 * the contract's defaults filled in. Immutable ({@link #eventData()} hands out a copy).
 */
public final class TriggerSpec {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    /** The types whose event_data fields are POM elements; every other type takes {@code <eventData>} JSON. */
    public static final Set<String> NAMED_TYPES = set("TIMER", "APIG", "DEDICATEDGATEWAY", "OBS", "SMN", "LTS");
    /** The types the API lets be DISABLED. */
    public static final Set<String> MAY_DISABLE = set("TIMER", "DDS", "LTS", "KAFKA");
    /** The {@code trigger_type_code}s of the API (SDK {@code CreateFunctionTriggerRequestBody.TriggerTypeCodeEnum}). */
    public static final Set<String> TYPES = set("TIMER", "APIG", "CTS", "DDS", "DMS", "DIS", "LTS", "OBS", "SMN",
            "KAFKA", "RABBITMQ", "DEDICATEDGATEWAY", "OPENSOURCEKAFKA", "APIC", "GAUSSMONGO", "EVENTGRID");

    static final Pattern TIMER_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");
    private static final Pattern RATE = Pattern.compile("^([0-9]{1,6})([mhd])$");
    private static final Pattern EVERY = Pattern.compile("^@every ([0-9]+h)?([0-9]+m)?([0-9]+s)?$");
    private static final Pattern APIG_PATH = Pattern.compile("^/[A-Za-z0-9_{}+./-]*$");
    private static final Set<String> METHODS = set("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "ANY");
    private static final Set<String> PROTOCOLS = set("HTTP", "HTTPS");
    private static final Set<String> AUTHS = set("IAM", "APP", "NONE");
    private static final Set<String> MATCH_MODES = set("SWA", "NORMAL");
    private static final Set<String> OBS_EVENTS = set("s3:ObjectCreated:*", "s3:ObjectCreated:Put",
            "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated");

    public final String type;
    public final String status;
    private final ObjectNode eventData;

    private TriggerSpec(String type, String status, ObjectNode eventData) {
        this.type = type;
        this.status = status;
        this.eventData = eventData;
    }

    /** A copy of the API's {@code event_data} for this trigger. */
    public ObjectNode eventData() {
        return eventData.deepCopy();
    }

    /** The fields that identify this trigger among the function's triggers of its type (contract: Triggers). */
    public List<String> identityFields() {
        return identityFields(type, eventData);
    }

    /** The identity fields of a trigger of {@code type} with {@code eventData} (the whole event_data for others). */
    public static List<String> identityFields(String type, JsonNode eventData) {
        switch (type) {
            case "TIMER":
                return Collections.singletonList("name");
            case "APIG":
            case "DEDICATEDGATEWAY":
                return Arrays.asList("path", "req_method", "group_id");
            case "OBS":
                return Arrays.asList("bucket", "events", "prefix", "suffix");
            case "SMN":
                return Collections.singletonList("topic_urn");
            case "LTS":
                return Collections.singletonList("log_topic_id");
            default:
                List<String> all = new ArrayList<>();
                eventData.fieldNames().forEachRemaining(all::add);
                return all;
        }
    }

    /** A short human name: {@code TIMER nightly}, {@code APIG GET /hello}, {@code OBS uploads}. */
    public String describe() {
        return describe(type, eventData);
    }

    public static String describe(String type, JsonNode d) {
        switch (type) {
            case "TIMER":
                return "TIMER " + d.path("name").asText("?");
            case "APIG":
            case "DEDICATEDGATEWAY":
                return type + " " + d.path("req_method").asText("?") + " " + d.path("path").asText("?");
            case "OBS":
                return "OBS " + d.path("bucket").asText("?");
            case "SMN":
                return "SMN " + d.path("topic_urn").asText("?");
            case "LTS":
                return "LTS " + d.path("log_topic_id").asText("?");
            default:
                return type;
        }
    }

    /** Validates {@code c} (the {@code index}th trigger, from 1) into {@code problems}; null when it is invalid. */
    static TriggerSpec of(TriggerConfig c, int index, Problems problems) {
        int before = problems.count();
        String where = "trigger " + index;
        String type = Text.blankToNull(c.type);
        if (type == null) {
            problems.add(Setting.TRIGGERS, null, where + ": <type> is required, one of " + TYPES);
            return null;
        }
        type = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            problems.add(Setting.TRIGGERS, c.type, where + ": <type> must be one of " + TYPES);
            return null;
        }
        where = where + " (" + type + ")";
        String status = Text.blankToNull(c.status) == null ? ACTIVE : c.status.trim().toUpperCase(Locale.ROOT);
        if (!status.equals(ACTIVE) && !status.equals(DISABLED)) {
            problems.add(Setting.TRIGGERS, c.status, where + ": <status> is ACTIVE or DISABLED");
        } else if (status.equals(DISABLED) && !MAY_DISABLE.contains(type)) {
            problems.add(Setting.TRIGGERS, c.status, where + ": only " + MAY_DISABLE + " triggers can be DISABLED");
        }
        ObjectNode d = Json.MAPPER.createObjectNode();
        String json = Text.blankToNull(c.eventData);
        if (json != null) {
            try {
                JsonNode node = Json.MAPPER.readTree(json);
                if (node == null || !node.isObject()) {
                    problems.add(Setting.TRIGGERS, "<eventData>", where + ": <eventData> must be a JSON object");
                } else {
                    d.setAll((ObjectNode) node);
                }
            } catch (IOException e) {
                problems.add(Setting.TRIGGERS, "<eventData>", where + ": <eventData> is not JSON ("
                        + (e instanceof com.fasterxml.jackson.core.JsonProcessingException ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage()) + ")");
            }
        }
        if (NAMED_TYPES.contains(type)) {
            named(c, type, d, where, problems);
        } else {
            List<String> stray = strayElements(c);
            if (!stray.isEmpty()) {
                problems.add(Setting.TRIGGERS, String.join(", ", stray), where + ": " + type + " takes its fields in "
                        + "<eventData> JSON; the named elements are for " + NAMED_TYPES);
            }
            if (d.size() == 0) {
                problems.add(Setting.TRIGGERS, null, where + ": <eventData> is required for " + type
                        + " (the API's event_data as a JSON object)");
            }
            if (type.equals("KAFKA") || type.equals("DMS")) {
                JsonNode batch = d.get("batch_size");
                if (batch != null && (!batch.canConvertToInt() || batch.asInt() < 1 || batch.asInt() > 1000)) {
                    problems.add(Setting.TRIGGERS, batch.toString(), where + ": batch_size is 1–1000");
                }
            }
        }
        return problems.count() == before ? new TriggerSpec(type, status, d) : null;
    }

    private static void named(TriggerConfig c, String type, ObjectNode d, String where, Problems problems) {
        switch (type) {
            case "TIMER": {
                put(d, "name", c.name);
                put(d, "schedule_type", c.scheduleType);
                put(d, "schedule", c.schedule);
                put(d, "user_event", c.userEvent);
                String name = d.path("name").asText(null);
                if (name == null || !TIMER_NAME.matcher(name).matches()) {
                    problems.add(Setting.TRIGGERS, name, where + ": <name> is a letter, then up to 63 letters, "
                            + "digits, '_' or '-'");
                }
                String kind = d.path("schedule_type").asText(null);
                String schedule = d.path("schedule").asText(null);
                if (!"Rate".equals(kind) && !"Cron".equals(kind)) {
                    problems.add(Setting.TRIGGERS, kind, where + ": <scheduleType> is Rate or Cron");
                } else if (schedule == null) {
                    problems.add(Setting.TRIGGERS, null, where + ": <schedule> is required");
                } else if (kind.equals("Rate")) {
                    String bad = rateProblem(schedule);
                    if (bad != null) {
                        problems.add(Setting.TRIGGERS, schedule, where + ": <schedule> " + bad);
                    }
                } else if (!cronOk(schedule)) {
                    problems.add(Setting.TRIGGERS, schedule, where + ": <schedule> is a Cron expression with "
                            + "seconds, six fields ('0 15 2 * * ?'), or '@every 1h30m'");
                }
                break;
            }
            case "APIG":
            case "DEDICATEDGATEWAY": {
                put(d, "group_id", c.groupId);
                put(d, "path", c.path);
                put(d, "req_method", upper(c.method));
                put(d, "protocol", upper(c.protocol));
                put(d, "auth", upper(c.auth));
                put(d, "match_mode", upper(c.matchMode));
                put(d, "env_id", c.envId);
                put(d, "env_name", c.envName);
                put(d, "instance_id", c.instanceId);
                String visibility = Text.blankToNull(c.visibility);
                if (visibility != null) {
                    if (visibility.equalsIgnoreCase("public")) {
                        d.put("type", 1);
                    } else if (visibility.equalsIgnoreCase("private")) {
                        d.put("type", 2);
                    } else {
                        problems.add(Setting.TRIGGERS, visibility, where + ": <visibility> is public or private");
                    }
                }
                if (c.timeoutMillis != null) {
                    funcInfo(d).put("timeout", c.timeoutMillis);
                }
                defaults(d, "env_id", "DEFAULT_ENVIRONMENT_RELEASE_ID", "env_name", "RELEASE", "req_method", "ANY",
                        "protocol", "HTTPS", "auth", "IAM", "match_mode", "NORMAL");
                if (!d.has("type")) {
                    d.put("type", 1);
                }
                if (!d.path("func_info").has("timeout")) {
                    funcInfo(d).put("timeout", 5000);
                }
                if (!d.has("backend_type")) {
                    d.put("backend_type", "FUNCTION");
                }
                if (d.path("group_id").asText("").isEmpty()) {
                    problems.add(Setting.TRIGGERS, null, where + ": <groupId> (the API group) is required");
                }
                if (type.equals("DEDICATEDGATEWAY") && d.path("instance_id").asText("").isEmpty()) {
                    problems.add(Setting.TRIGGERS, null, where + ": <instanceId> (the gateway) is required");
                }
                String path = d.path("path").asText(null);
                if (path == null || path.length() > 1024 || !APIG_PATH.matcher(path).matches()) {
                    problems.add(Setting.TRIGGERS, path, where + ": <path> starts with '/', then letters, digits, "
                            + "'_', '-', '.', '/', '+' or {parameters}, at most 1024 characters");
                }
                oneOf(problems, where, "<method>", d.path("req_method").asText(), METHODS);
                oneOf(problems, where, "<protocol>", d.path("protocol").asText(), PROTOCOLS);
                oneOf(problems, where, "<auth>", d.path("auth").asText(), AUTHS);
                oneOf(problems, where, "<matchMode>", d.path("match_mode").asText(), MATCH_MODES);
                JsonNode timeout = d.path("func_info").path("timeout");
                if (!timeout.canConvertToInt() || timeout.asInt() < 1 || timeout.asInt() > 60000) {
                    problems.add(Setting.TRIGGERS, timeout.asText(), where + ": <timeoutMillis> is 1–60000");
                }
                break;
            }
            case "OBS": {
                put(d, "bucket", c.bucket);
                put(d, "prefix", c.prefix);
                put(d, "suffix", c.suffix);
                put(d, "name", c.name);
                if (c.events != null && !c.events.isEmpty()) {
                    ArrayNode events = d.putArray("events");
                    for (String e : c.events) {
                        if (Text.blankToNull(e) != null) {
                            events.add(e.trim());
                        }
                    }
                }
                if (d.path("bucket").asText("").isEmpty()) {
                    problems.add(Setting.TRIGGERS, null, where + ": <bucket> is required");
                }
                JsonNode events = d.path("events");
                if (!events.isArray() || events.size() == 0) {
                    problems.add(Setting.TRIGGERS, null, where + ": <events> needs at least one <event>, e.g. "
                            + "s3:ObjectCreated:*");
                } else {
                    for (JsonNode e : events) {
                        if (!OBS_EVENTS.contains(e.asText())) {
                            problems.add(Setting.TRIGGERS, e.asText(), where + ": an <event> is one of " + OBS_EVENTS);
                        }
                    }
                }
                break;
            }
            case "SMN":
                put(d, "topic_urn", c.topicUrn);
                if (!d.path("topic_urn").asText("").startsWith("urn:smn:")) {
                    problems.add(Setting.TRIGGERS, d.path("topic_urn").asText(null), where + ": <topicUrn> is an "
                            + "SMN topic URN (urn:smn:<region>:<project_id>:<topic>)");
                }
                break;
            case "LTS":
                put(d, "log_group_id", c.logGroupId);
                put(d, "log_topic_id", c.logTopicId);
                if (d.path("log_group_id").asText("").isEmpty() || d.path("log_topic_id").asText("").isEmpty()) {
                    problems.add(Setting.TRIGGERS, null, where + ": <logGroupId> and <logTopicId> are required");
                }
                break;
            default:
                throw new IllegalStateException(type);
        }
    }

    /** Null when {@code schedule} is a valid Rate, else what is allowed. */
    static String rateProblem(String schedule) {
        Matcher m = RATE.matcher(schedule);
        String allowed = "is a Rate: 1m–60m, 1h–24h or 1d–30d";
        if (!m.matches()) {
            return allowed;
        }
        int n = Integer.parseInt(m.group(1));
        int max = m.group(2).equals("m") ? 60 : m.group(2).equals("h") ? 24 : 30;
        return n >= 1 && n <= max ? null : allowed;
    }

    static boolean cronOk(String schedule) {
        String s = schedule.trim();
        if (s.startsWith("@every")) {
            Matcher m = EVERY.matcher(s);
            return m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null);
        }
        String[] fields = s.split("\\s+");
        if (fields.length != 6) {
            return false;
        }
        for (String f : fields) {
            if (!f.matches("[0-9A-Za-z*?/,#LW-]+")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strayElements(TriggerConfig c) {
        List<String> out = new ArrayList<>();
        Object[] values = {c.name, c.scheduleType, c.schedule, c.userEvent, c.groupId, c.envId, c.envName, c.path,
            c.method, c.protocol, c.auth, c.matchMode, c.visibility, c.timeoutMillis, c.instanceId, c.bucket, c.events,
            c.prefix, c.suffix, c.topicUrn, c.logGroupId, c.logTopicId};
        String[] names = {"name", "scheduleType", "schedule", "userEvent", "groupId", "envId", "envName", "path",
            "method", "protocol", "auth", "matchMode", "visibility", "timeoutMillis", "instanceId", "bucket", "events",
            "prefix", "suffix", "topicUrn", "logGroupId", "logTopicId"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.add("<" + names[i] + ">");
            }
        }
        return out;
    }

    private static void oneOf(Problems problems, String where, String element, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            problems.add(Setting.TRIGGERS, value, where + ": " + element + " is one of " + allowed);
        }
    }

    /** A named element wins over the same field of {@code <eventData>}. */
    private static void put(ObjectNode d, String field, String value) {
        String v = Text.blankToNull(value);
        if (v != null) {
            d.put(field, v.trim());
        }
    }

    private static void defaults(ObjectNode d, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (d.path(pairs[i]).asText("").isEmpty()) {
                d.put(pairs[i], pairs[i + 1]);
            }
        }
    }

    private static ObjectNode funcInfo(ObjectNode d) {
        JsonNode f = d.get("func_info");
        return f instanceof ObjectNode ? (ObjectNode) f : d.putObject("func_info");
    }

    private static String upper(String v) {
        return v == null ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> set(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
    }
}
