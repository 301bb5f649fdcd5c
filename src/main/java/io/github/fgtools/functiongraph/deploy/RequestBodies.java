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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    /**
     * The settings UpdateFunctionConfig takes and CreateFunction does not (the SDK's CreateFunctionRequestBody has
     * none of them): a new function gets them from an UpdateFunctionConfig right after its creation.
     */
    static final List<String> NOT_TAKEN_BY_CREATE = Collections.unmodifiableList(Arrays.asList(
            "ephemeral_storage", "enable_class_isolation", "heartbeat_handler", "enable_auth_in_header", "domain_names",
            "restore_hook_handler", "restore_hook_timeout"));

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

    /** UpdateFunctionCode's body as a dry run shows it: the POM's dependencies, if it names any. */
    public static UpdateFunctionCodeRequest updateCode(FunctionSpec f, String codeType, String codeFilename,
            String codeUrl, CodeFile code) {
        return updateCode(null, f, codeType, codeFilename, codeUrl, code);
    }

    /**
     * UpdateFunctionCode's body; {@code code} as for {@link #create}. {@code depend_version_list} is the POM's list,
     * or, when the POM names none, the function's own ({@code current}, as ShowFunctionConfig answers it), so that
     * dependencies set elsewhere survive a code update.
     */
    public static UpdateFunctionCodeRequest updateCode(ObjectNode current, FunctionSpec f, String codeType,
            String codeFilename, String codeUrl, CodeFile code) {
        UpdateFunctionCodeRequest r = new UpdateFunctionCodeRequest();
        r.codeType = codeType;
        r.codeFilename = codeFilename;
        r.codeUrl = codeUrl;
        r.funcCode = code == null ? null : new FuncCode(code);
        List<String> kept = current == null ? Collections.<String>emptyList() : dependVersions(current);
        r.dependVersionList = f.dependVersions != null ? f.dependVersions : kept.isEmpty() ? null : kept;
        return r;
    }

    /** The function's {@code depend_version_list}, as ShowFunctionConfig answers it (empty when none). */
    static List<String> dependVersions(ObjectNode current) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : current.path("depend_version_list")) {
            if (id.isTextual() && !id.asText().isEmpty()) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    /**
     * True when the POM names dependencies and they are not the function's: the service takes
     * {@code depend_version_list} in UpdateFunctionCode only, so this needs a code update. Order does not count.
     */
    public static boolean dependenciesDiffer(ObjectNode current, FunctionSpec f) {
        return f.dependVersions != null
                && !new TreeSet<>(f.dependVersions).equals(new TreeSet<>(dependVersions(current)));
    }

    /** The settings the POM sets that CreateFunction does not take ({@link #NOT_TAKEN_BY_CREATE}), by API name. */
    public static List<String> settingsCreateDoesNotTake(FunctionSpec f) {
        ObjectNode set = JSON.valueToTree(config(f));
        List<String> names = new ArrayList<>();
        for (String field : NOT_TAKEN_BY_CREATE) {
            if (set.hasNonNull(field)) {
                names.add(field);
            }
        }
        return names;
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
        r.ephemeralStorage = f.ephemeralStorage;
        r.enableClassIsolation = f.enableClassIsolation;
        r.heartbeatHandler = f.heartbeatHandler;
        r.enableAuthInHeader = f.enableAuthInHeader;
        r.domainNames = f.domainNames;
        r.restoreHookHandler = f.restoreHookHandler;
        r.restoreHookTimeout = f.restoreHookTimeout;
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
        if (!body.has("log_config") && isSet("log_config", logConfigOf(current))) {
            body.set("log_config", logConfigOf(current)); // the binding, as far as the service shows it: by id
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
        if ("log_config".equals(field)) {
            return !v.path("group_id").asText("").isEmpty() && !v.path("stream_id").asText("").isEmpty();
        }
        return true;
    }

    /**
     * The function's LTS binding as {@code log_config}: ShowFunctionConfig answers {@code log_group_id} and
     * {@code log_stream_id} (the SDK's ShowFunctionConfigResponse has no {@code log_config}, and no names).
     */
    private static JsonNode logConfigOf(ObjectNode current) {
        if (current.hasNonNull("log_config")) {
            return current.get("log_config");
        }
        ObjectNode ids = JSON.createObjectNode();
        ids.put("group_id", current.path("log_group_id").asText(""));
        ids.put("stream_id", current.path("log_stream_id").asText(""));
        return ids;
    }

    /**
     * The names of the fields whose POM value differs from the function's. {@code encrypted_user_data} is never
     * returned in clear by the service, so setting it always counts as a change.
     */
    public static List<String> differences(ObjectNode current, FunctionSpec f) {
        List<String> diff = new ArrayList<>();
        ObjectNode desired = JSON.valueToTree(config(f));
        boolean secret = desired.remove("encrypted_user_data") != null;
        Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode now = "log_config".equals(e.getKey()) ? logConfigOf(current) : current.get(e.getKey());
            if (!sameValue(e.getKey(), now, e.getValue())) {
                diff.add(e.getKey());
            }
        }
        if (secret) {
            diff.add("encrypted_user_data");
        }
        return diff;
    }

    /**
     * Whether ShowFunctionConfig's answer ({@code current}) shows the value of this configuration field, so that a
     * difference in it is real: not for {@code encrypted_user_data} (never in clear), nor for a field it does not
     * answer at all ({@code domain_names} and the restore hook are not in the SDK's ShowFunctionConfigResponse).
     */
    public static boolean isShown(ObjectNode current, String field) {
        return "log_config".equals(field) || !"encrypted_user_data".equals(field) && current.has(field);
    }

    private static boolean sameValue(String field, JsonNode current, JsonNode desired) {
        if (current == null || current.isNull()) {
            return desired == null || desired.isNull();
        }
        if ("user_data".equals(field)) {
            return parse(current).equals(parse(desired));
        }
        if ("log_config".equals(field) && desired.isObject() && !current.has("group_name")) {
            // the service shows the binding by id only: the names the POM gives cannot be compared
            return current.path("group_id").asText("").equals(desired.path("group_id").asText(""))
                    && current.path("stream_id").asText("").equals(desired.path("stream_id").asText(""));
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
