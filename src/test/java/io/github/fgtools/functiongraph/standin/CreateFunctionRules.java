package io.github.fgtools.functiongraph.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The CreateFunction request rules: the seed's JSON schema ({@code definitions} of
 * {@code seed/CreateFunction.json} on the test class path, {@code x-*} and {@code example} keywords
 * removed, validated as draft 4 by networknt), and the rules written in the field descriptions.
 */
final class CreateFunctionRules {

    static final String SEED_RESOURCE = "/seed/CreateFunction.json";
    static final Pattern NAME = Pattern.compile("^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$");
    /** The seed's list, plus 8192 and 10240 that API-NOTES says some regions offer. */
    static final Set<Integer> MEMORY = Set.of(128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584,
            4096, 8192, 10240);
    static final int MAX_USER_DATA_KEYS = 20;
    static final int MAX_USER_DATA_BYTES = 4096;

    /** A rule violation: status, FunctionGraph error code, message. */
    record Violation(int status, String code, String message) {
    }

    private static volatile JsonSchema createSchema;
    private static volatile JsonSchema updateConfigSchema;

    static synchronized JsonSchema createSchema() {
        if (createSchema == null) {
            createSchema = build(null);
        }
        return createSchema;
    }

    /** CreateFunctionRequestBody's properties with UpdateFunctionConfig's required list. */
    static synchronized JsonSchema updateConfigSchema() {
        if (updateConfigSchema == null) {
            updateConfigSchema = build(List.of("func_name", "runtime", "timeout", "handler", "memory_size"));
        }
        return updateConfigSchema;
    }

    private static volatile Set<String> createFields;

    /** The fields of the seed's CreateFunctionRequestBody. */
    static synchronized Set<String> createFields() {
        if (createFields == null) {
            Set<String> names = new TreeSet<>();
            seed().path("definitions").path("CreateFunctionRequestBody").path("properties").fieldNames()
                    .forEachRemaining(names::add);
            createFields = Set.copyOf(names);
        }
        return createFields;
    }

    static JsonNode seed() {
        try (InputStream in = CreateFunctionRules.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is not on the class path");
            }
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema build(List<String> required) {
        JsonNode seed = seed();
        ObjectNode defs = (ObjectNode) strip(seed.get("definitions").deepCopy(), false);
        ObjectNode root = ((ObjectNode) defs.get("CreateFunctionRequestBody")).deepCopy();
        if (required != null) {
            ArrayNode req = root.putArray("required");
            required.forEach(req::add);
        }
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        root.set("definitions", defs);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        return factory.getSchema(root, config);
    }

    /** Removes {@code x-*}, {@code example} and {@code description} keywords (not property names). */
    private static JsonNode strip(JsonNode node, boolean isPropertiesMap) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (!isPropertiesMap && (k.startsWith("x-") || k.equals("example") || k.equals("description"))) {
                    it.remove();
                } else {
                    strip(e.getValue(), !isPropertiesMap && (k.equals("properties") || k.equals("definitions")));
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> strip(n, false));
        }
        return node;
    }

    /** Schema messages, sorted, each naming the field ({@code $.memory_size: string found, integer expected}). */
    static List<String> schemaErrors(JsonSchema schema, JsonNode body) {
        Set<ValidationMessage> msgs = schema.validate(body);
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : msgs) {
            out.add(m.getMessage());
        }
        return new ArrayList<>(out);
    }

    /** Rules for the configuration fields shared by create and update-config; null when fine. */
    static Violation checkConfig(JsonNode body) {
        String name = text(body, "func_name");
        if (name != null && !NAME.matcher(name).matches()) {
            return new Violation(400, "FSS.1002", "Invalid function name '" + name + "': must match "
                    + NAME.pattern());
        }
        String runtime = text(body, "runtime");
        String handler = text(body, "handler");
        if (handler != null) {
            if ("Custom Image".equals(runtime)) {
                if (!handler.equals("-")) {
                    return new Violation(400, "FSS.1003", "Invalid function handler '" + handler
                            + "': a Custom Image function's handler is '-'");
                }
            } else if ("Custom".equals(runtime) || "http".equals(runtime)) {
                if (handler.isEmpty() || handler.length() > 128) {
                    return new Violation(400, "FSS.1003", "Invalid function handler '" + handler + "'");
                }
            } else if (handler.length() < 3 || handler.length() > 128 || !handler.contains(".")
                    || handler.startsWith(".") || handler.endsWith(".")) {
                return new Violation(400, "FSS.1003", "Invalid function handler '" + handler
                        + "': 3 to 128 characters of the form xx.xx (must contain '.')");
            }
        }
        if (body.has("memory_size") && !MEMORY.contains(body.get("memory_size").asInt())) {
            return new Violation(400, "FSS.1007", "Invalid function memory " + body.get("memory_size")
                    + ": one of " + new TreeSet<>(MEMORY));
        }
        if (body.has("timeout")) {
            int t = body.get("timeout").asInt();
            if (t < 3 || t > 259200) {
                return new Violation(400, "FSS.1008", "Invalid function timeout " + t + ": 3 to 259200 seconds");
            }
        }
        Violation v = handlerTimeout(body, "initializer_handler", "initializer_timeout", 1, 300);
        if (v == null) {
            v = handlerTimeout(body, "pre_stop_handler", "pre_stop_timeout", 1, 90);
        }
        if (v == null) {
            v = handlerTimeout(body, "restore_hook_handler", "restore_hook_timeout", 1, 300);
        }
        if (v == null) {
            v = javaSettings(body, runtime);
        }
        if (v == null && body.hasNonNull("ephemeral_storage")) {
            int mb = body.get("ephemeral_storage").asInt();
            if (mb < 512 || mb > 10240) {
                v = new Violation(400, "FSS.0400", "Invalid parameter ephemeral_storage " + mb + ": 512 to 10240 MB");
            }
        }
        if (v == null) {
            v = userData(body, "user_data");
        }
        if (v == null) {
            v = userData(body, "encrypted_user_data");
        }
        return v;
    }

    private static Violation handlerTimeout(JsonNode body, String handlerField, String timeoutField, int min,
            int max) {
        String h = text(body, handlerField);
        boolean hasHandler = h != null && !h.isEmpty();
        boolean hasTimeout = body.hasNonNull(timeoutField);
        if (hasTimeout) {
            int t = body.get(timeoutField).asInt();
            if ((t < min || t > max) && !(t == 0 && !hasHandler)) {
                return new Violation(400, "FSS.0400", "Invalid parameter " + timeoutField + " " + t + ": " + min
                        + " to " + max + " seconds");
            }
        }
        if (hasHandler && (h.length() < 3 || h.length() > 128 || !h.contains("."))) {
            return new Violation(400, "FSS.1003", "Invalid " + handlerField + " '" + h
                    + "': 3 to 128 characters of the form xx.xx (must contain '.')");
        }
        if (hasHandler != (hasTimeout && body.get(timeoutField).asInt() > 0)) {
            return new Violation(400, "FSS.0400", "Invalid parameter: " + handlerField + " and " + timeoutField
                    + " must be set together");
        }
        return null;
    }

    /**
     * The settings the SDK's UpdateFunctionConfigRequestBody describes as Java only: class isolation, the heartbeat
     * handler (xx.xx) and snapshot start's restore hook.
     */
    private static Violation javaSettings(JsonNode body, String runtime) {
        boolean java = runtime != null && runtime.startsWith("Java");
        String heartbeat = text(body, "heartbeat_handler");
        if (heartbeat != null && !heartbeat.isEmpty()) {
            if (!java) {
                return new Violation(400, "FSS.0400", "Invalid parameter heartbeat_handler: Java runtimes only, not "
                        + runtime);
            }
            if (heartbeat.length() < 3 || heartbeat.length() > 128 || !heartbeat.contains(".")) {
                return new Violation(400, "FSS.1003", "Invalid heartbeat_handler '" + heartbeat
                        + "': 3 to 128 characters of the form xx.xx (must contain '.')");
            }
        }
        if (!java && body.path("enable_class_isolation").asBoolean(false)) {
            return new Violation(400, "FSS.0400", "Invalid parameter enable_class_isolation: Java runtimes only, not "
                    + runtime);
        }
        String restore = text(body, "restore_hook_handler");
        if (!java && restore != null && !restore.isEmpty()) {
            return new Violation(400, "FSS.0400", "Invalid parameter restore_hook_handler: Java runtimes only, not "
                    + runtime);
        }
        return null;
    }

    /** user_data / encrypted_user_data: a JSON object as a string, string values, at most 20 keys and 4 KB. */
    static Violation userData(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText();
        if (s.isEmpty()) {
            return null;
        }
        JsonNode parsed;
        try {
            parsed = Http.JSON.readTree(s);
        } catch (IOException e) {
            return new Violation(400, "FSS.1009", "Invalid function UserData: " + field + " is not a JSON string");
        }
        if (parsed == null || !parsed.isObject()) {
            return new Violation(400, "FSS.1009", "Invalid function UserData: " + field
                    + " must be a JSON object of name/value pairs");
        }
        Iterator<Map.Entry<String, JsonNode>> it = parsed.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                return new Violation(400, "FSS.1009", "Invalid function UserData: the value of " + field + " key '"
                        + e.getKey() + "' must be a string");
            }
        }
        if (parsed.size() > MAX_USER_DATA_KEYS) {
            return new Violation(400, "FSS.1017", "The number of environment variables exceeds the maximum allowed "
                    + "limit (20): " + field + " has " + parsed.size());
        }
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_USER_DATA_BYTES) {
            return new Violation(400, "FSS.1018", "The total size of environment variables exceeds the maximum "
                    + "allowed limit (4 KB): " + field + " is " + bytes + " bytes");
        }
        return null;
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private CreateFunctionRules() {
    }
}
