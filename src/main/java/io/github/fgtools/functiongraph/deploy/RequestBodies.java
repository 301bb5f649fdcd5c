package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.CodeFile;
import io.github.fgtools.functiongraph.client.model.CreateFunctionRequest;
import io.github.fgtools.functiongraph.client.model.FuncCode;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionCodeRequest;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionConfigRequest;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.SecretMap;
import io.github.fgtools.functiongraph.packaging.CodePackage;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** Builds the typed bodies of CreateFunction, UpdateFunctionCode and UpdateFunctionConfig from a {@link FunctionSpec}. */
public final class RequestBodies {
    static final ObjectMapper JSON = Json.API;
    /** The kept part of the current configuration, read as the typed body: what the plugin does not model is left out. */
    private static final ObjectReader CONFIG_READER = JSON.readerFor(UpdateFunctionConfigRequest.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Writes a body for the dry-run files: the package file as its path (replaced there), never read. */
    private static final ObjectMapper DISPLAY = JSON.copy().addMixIn(CodeFile.class, CodeFileByPath.class);

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

    /** The package as {@code func_code.file} for a zip or jar code type; null for code in OBS. */
    public static CodeFile inlineCode(String codeType, CodePackage pkg) {
        return "zip".equals(codeType) || "jar".equals(codeType) ? new CodeFile(pkg.file(), pkg.size()) : null;
    }

    /** CreateFunction's body; {@code code} (from {@link #inlineCode}) null unless the code is sent inline. */
    public static CreateFunctionRequest create(FunctionSpec f, String codeType, String codeFilename, String codeUrl,
            CodeFile code) {
        CreateFunctionRequest r = new CreateFunctionRequest();
        r.funcName = f.functionName;
        r.functionPackage = f.functionPackage;
        r.runtime = f.runtime;
        r.handler = f.handler;
        r.memorySize = f.memorySize;
        r.timeout = f.timeout;
        r.codeType = codeType;
        r.codeFilename = codeFilename;
        r.codeUrl = codeUrl;
        r.funcCode = code == null ? null : new FuncCode(code);
        r.type = f.functionType;
        r.description = f.description;
        r.userData = f.userDataJson();
        r.xrole = f.xrole;
        r.appXrole = f.appXrole;
        r.initializerHandler = f.initializerHandler;
        r.initializerTimeout = f.initializerTimeout;
        r.preStopHandler = f.preStopHandler;
        r.preStopTimeout = f.preStopTimeout;
        r.enterpriseProjectId = f.enterpriseProjectId;
        r.funcVpc = f.vpc;
        r.mountConfig = f.mountConfig;
        r.logConfig = f.logConfig;
        r.networkController = f.networkController;
        r.customImage = f.customImage;
        r.gpuMemory = f.gpuMemory;
        r.gpuType = f.gpuType;
        r.enableDynamicMemory = f.enableDynamicMemory;
        r.isStatefulFunction = f.statefulFunction;
        r.encryptedUserData = f.encryptedUserDataJson();
        r.ltsCustomTag = f.ltsCustomTags;
        r.dependVersionList = f.dependVersions;
        return r;
    }

    /** UpdateFunctionCode's body; {@code code} as for {@link #create}. */
    public static UpdateFunctionCodeRequest updateCode(FunctionSpec f, String codeType, String codeFilename,
            String codeUrl, CodeFile code) {
        UpdateFunctionCodeRequest r = new UpdateFunctionCodeRequest();
        r.codeType = codeType;
        r.codeFilename = codeFilename;
        r.codeUrl = codeUrl;
        r.funcCode = code == null ? null : new FuncCode(code);
        r.dependVersionList = f.dependVersions;
        return r;
    }

    /** The configuration fields the POM sets, as UpdateFunctionConfig names them: what {@link #differences} compares. */
    public static UpdateFunctionConfigRequest config(FunctionSpec f) {
        UpdateFunctionConfigRequest r = new UpdateFunctionConfigRequest();
        r.funcName = f.functionName;
        r.runtime = f.runtime;
        r.handler = f.handler;
        r.memorySize = f.memorySize;
        r.timeout = f.timeout;
        r.description = f.description;
        r.userData = f.userDataJson();
        r.xrole = f.xrole;
        r.appXrole = f.appXrole;
        r.initializerHandler = f.initializerHandler;
        r.initializerTimeout = f.initializerTimeout;
        r.preStopHandler = f.preStopHandler;
        r.preStopTimeout = f.preStopTimeout;
        r.enterpriseProjectId = f.enterpriseProjectId;
        r.funcVpc = f.vpc;
        r.mountConfig = f.mountConfig;
        r.logConfig = f.logConfig;
        r.networkController = f.networkController;
        r.customImage = f.customImage;
        r.gpuMemory = f.gpuMemory;
        r.gpuType = f.gpuType;
        r.enableDynamicMemory = f.enableDynamicMemory;
        r.isStatefulFunction = f.statefulFunction;
        r.encryptedUserData = f.encryptedUserDataJson();
        return r;
    }

    /**
     * UpdateFunctionConfig's body: the function's current settings (as ShowFunctionConfig answers them), with the
     * POM's values over them. Fails when a current value does not fit the field's type: sending the body without it
     * would reset that setting.
     */
    public static UpdateFunctionConfigRequest mergedConfig(ObjectNode current, FunctionSpec f)
            throws FunctionGraphException {
        ObjectNode body = JSON.createObjectNode();
        for (String field : UPDATE_CONFIG_FIELDS) {
            JsonNode v = current.get(field);
            if (isSet(field, v)) {
                body.set(field, v);
            }
        }
        body.setAll((ObjectNode) JSON.valueToTree(config(f)));
        for (String hook : new String[] {"initializer", "pre_stop", "restore_hook"}) {
            if (!body.hasNonNull(hook + "_handler")) {
                body.remove(hook + "_timeout"); // a timeout without its handler is refused
            }
        }
        try {
            return CONFIG_READER.readValue(body);
        } catch (IOException e) {
            throw new FunctionGraphException("The function's current configuration holds a value the plugin cannot "
                    + "send back unchanged: " + e.getMessage(), false, e);
        }
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
        ObjectNode desired = JSON.valueToTree(config(f));
        boolean secret = desired.remove("encrypted_user_data") != null;
        Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!sameValue(e.getKey(), current.get(e.getKey()), e.getValue())) {
                diff.add(e.getKey());
            }
        }
        if (secret) {
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
    public static ObjectNode forDisplay(Object body, long size, String sha256) {
        ObjectNode copy = DISPLAY.valueToTree(body);
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

    @JsonSerialize(using = ToStringSerializer.class)
    private abstract static class CodeFileByPath {
    }
}
