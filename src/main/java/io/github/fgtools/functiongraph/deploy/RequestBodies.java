package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.InlineCodeBody;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.SecretMap;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON bodies of CreateFunction and UpdateFunctionConfig from a {@link FunctionSpec}. */
public final class RequestBodies {
    static final ObjectMapper JSON = Json.API;

    /** The fields UpdateFunctionConfig takes (SDK's UpdateFunctionConfigRequestBody): kept from the current config. */
    static final List<String> UPDATE_CONFIG_FIELDS = Collections.unmodifiableList(Arrays.asList(
            "func_name", "runtime", "timeout", "handler", "memory_size", "gpu_memory", "gpu_type", "user_data",
            "xrole", "app_xrole", "description", "func_vpc", "mount_config", "strategy_config",
            "custom_image", "extend_config", "initializer_handler", "initializer_timeout", "pre_stop_handler",
            "pre_stop_timeout", "ephemeral_storage", "enterprise_project_id", "log_config", "network_controller",
            "is_stateful_function", "enable_dynamic_memory", "enable_auth_in_header", "domain_names",
            "restore_hook_handler", "restore_hook_timeout", "heartbeat_handler", "enable_class_isolation"));

    private RequestBodies() {
    }

    /**
     * CreateFunction's body. For zip and jar, {@code func_code.file} holds {@link InlineCodeBody#PLACEHOLDER}, replaced
     * by the streamed base64 of the package when sent.
     */
    public static ObjectNode create(FunctionSpec f, String codeType, String codeFilename, String codeUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("func_name", f.functionName);
        body.put("package", f.functionPackage);
        body.put("runtime", f.runtime);
        body.put("handler", f.handler);
        body.put("memory_size", f.memorySize);
        body.put("timeout", f.timeout);
        body.put("code_type", codeType);
        if (codeFilename != null) {
            body.put("code_filename", codeFilename);
        }
        if (codeUrl != null) {
            body.put("code_url", codeUrl);
        }
        if ("zip".equals(codeType) || "jar".equals(codeType)) {
            body.putObject("func_code").put("file", InlineCodeBody.PLACEHOLDER);
        }
        body.put("type", f.functionType);
        ObjectNode config = config(f);
        config.remove(Arrays.asList("func_name", "runtime", "handler", "memory_size", "timeout"));
        body.setAll(config);
        if (f.encryptedUserData != null) {
            body.put("encrypted_user_data", f.encryptedUserDataJson());
        }
        if (f.ltsCustomTags != null) {
            body.set("lts_custom_tag", JSON.valueToTree(f.ltsCustomTags));
        }
        if (f.dependVersions != null) {
            body.set("depend_version_list", JSON.valueToTree(f.dependVersions));
        }
        return body;
    }

    /** UpdateFunctionCode's body, with the same placeholder as {@link #create} for inline code. */
    public static ObjectNode updateCode(FunctionSpec f, String codeType, String codeFilename, String codeUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code_type", codeType);
        if (codeFilename != null) {
            body.put("code_filename", codeFilename);
        }
        if (codeUrl != null) {
            body.put("code_url", codeUrl);
        }
        if ("zip".equals(codeType) || "jar".equals(codeType)) {
            body.putObject("func_code").put("file", InlineCodeBody.PLACEHOLDER);
        }
        if (f.dependVersions != null) {
            body.set("depend_version_list", JSON.valueToTree(f.dependVersions));
        }
        return body;
    }

    /** The configuration fields the POM sets, as UpdateFunctionConfig names them (encrypted_user_data excluded). */
    public static ObjectNode config(FunctionSpec f) {
        ObjectNode c = JSON.createObjectNode();
        c.put("func_name", f.functionName);
        c.put("runtime", f.runtime);
        c.put("handler", f.handler);
        c.put("memory_size", f.memorySize);
        c.put("timeout", f.timeout);
        putIf(c, "description", f.description);
        putIf(c, "user_data", f.userDataJson());
        putIf(c, "xrole", f.xrole);
        putIf(c, "app_xrole", f.appXrole);
        putIf(c, "initializer_handler", f.initializerHandler);
        putIf(c, "initializer_timeout", f.initializerTimeout);
        putIf(c, "pre_stop_handler", f.preStopHandler);
        putIf(c, "pre_stop_timeout", f.preStopTimeout);
        putIf(c, "enterprise_project_id", f.enterpriseProjectId);
        putIf(c, "func_vpc", f.vpc);
        putIf(c, "mount_config", f.mountConfig);
        putIf(c, "log_config", f.logConfig);
        putIf(c, "network_controller", f.networkController);
        putIf(c, "custom_image", f.customImage);
        putIf(c, "gpu_memory", f.gpuMemory);
        putIf(c, "gpu_type", f.gpuType);
        putIf(c, "enable_dynamic_memory", f.enableDynamicMemory);
        putIf(c, "is_stateful_function", f.statefulFunction);
        return c;
    }

    private static void putIf(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.set(field, JSON.valueToTree(value));
        }
    }

    /** UpdateFunctionConfig's body: the function's current settings, with the POM's values over them. */
    public static ObjectNode mergedConfig(ObjectNode current, FunctionSpec f) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : UPDATE_CONFIG_FIELDS) {
            JsonNode v = current.get(field);
            if (isSet(field, v)) {
                body.set(field, v);
            }
        }
        body.setAll(config(f));
        if (f.encryptedUserData != null) {
            body.put("encrypted_user_data", f.encryptedUserDataJson());
        }
        for (String hook : new String[] {"initializer", "pre_stop", "restore_hook"}) {
            if (!body.hasNonNull(hook + "_handler")) {
                body.remove(hook + "_timeout"); // a timeout without its handler is refused
            }
        }
        return body;
    }

    /**
     * Whether a value read from the function is worth writing back: not null, not an empty string (but for the
     * description), not an empty object or list, and not a VPC or mount without its required parts (the service
     * answers those empty when unset; sent back, they would be invalid).
     */
    private static boolean isSet(String field, JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode() && v.size() == 0) {
            return false;
        }
        if (v.isNumber() && v.asLong() == 0) {
            return false; // "0" is how the service answers an unset timeout or GPU size; sent back, it is out of range
        }
        if (v.isTextual() && v.asText().isEmpty()) {
            return "description".equals(field);
        }
        if ("func_vpc".equals(field)) {
            return !v.path("vpc_id").asText("").isEmpty() && !v.path("subnet_id").asText("").isEmpty();
        }
        if ("mount_config".equals(field)) {
            return v.path("func_mounts").size() > 0 && v.hasNonNull("mount_user");
        }
        return true;
    }

    /**
     * The names of the fields whose POM value differs from the function's. {@code encrypted_user_data} is never
     * returned in clear by the service, so setting it always counts as a change.
     */
    public static List<String> differences(ObjectNode current, FunctionSpec f) {
        List<String> diff = new java.util.ArrayList<>();
        ObjectNode desired = config(f);
        Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!sameValue(e.getKey(), current.get(e.getKey()), e.getValue())) {
                diff.add(e.getKey());
            }
        }
        if (f.encryptedUserData != null) {
            diff.add("encrypted_user_data");
        }
        return diff;
    }

    private static boolean sameValue(String field, JsonNode current, JsonNode desired) {
        if (current == null || current.isNull()) {
            return desired == null || desired.isNull();
        }
        if ("user_data".equals(field)) {
            return parse(current).equals(parse(desired));
        }
        if (current.isNumber() || desired.isNumber()) {
            return current.asText().equals(desired.asText());
        }
        if (desired.isObject() && current.isObject()) {
            // compare the fields the POM sets; the service may add its own
            Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sameValue(e.getKey(), current.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return current.equals(desired);
    }

    private static JsonNode parse(JsonNode node) {
        if (node.isTextual()) {
            try {
                return JSON.readTree(node.asText().isEmpty() ? "{}" : node.asText());
            } catch (IOException e) {
                return node;
            }
        }
        return node;
    }

    /**
     * The body as a dry run writes it: {@code func_code.file} replaced by a placeholder giving size and sha256,
     * {@code encrypted_user_data} values replaced.
     */
    public static ObjectNode forDisplay(ObjectNode body, long size, String sha256) {
        ObjectNode copy = body.deepCopy();
        JsonNode code = copy.get("func_code");
        if (code != null && code.has("file")) {
            ((ObjectNode) code).put("file", "<package: " + size + " bytes, sha256 " + sha256 + ">");
        }
        if (copy.has("encrypted_user_data")) {
            try {
                JsonNode values = JSON.readTree(copy.get("encrypted_user_data").asText());
                ObjectNode masked = JSON.createObjectNode();
                values.fieldNames().forEachRemaining(k -> masked.put(k, SecretMap.MASK));
                copy.put("encrypted_user_data", JSON.writeValueAsString(masked));
            } catch (IOException e) {
                copy.put("encrypted_user_data", SecretMap.MASK);
            }
        }
        return copy;
    }

    public static String write(JsonNode node) throws IOException {
        return JSON.writeValueAsString(node);
    }

    public static String writePretty(Object value) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
