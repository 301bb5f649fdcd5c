package io.github.fgtools.functiongraph.standin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the FunctionGraph calls answer and accept, field by field, as the official SDK's models
 * (huaweicloud-sdk-functiongraph 3.1.130, {@code com.huaweicloud.sdk.functiongraph.v2.model}) name them.
 * {@code SdkModelsTest} derives each list from its model class, so that a list cannot drift from the SDK.
 *
 * <p>The stand-in keeps more than it answers: {@code log_config} (answered as {@code log_group_id} and
 * {@code log_stream_id}, without the names), {@code lts_custom_tag}, {@code domain_names} and the restore hook are
 * held but not in ShowFunctionConfigResponse.
 */
final class SdkModels {
    /** ShowFunctionConfigResponse. */
    static final List<String> SHOW_FUNCTION_CONFIG = List.of("func_id", "resource_id", "func_urn", "func_name",
            "domain_id", "namespace", "project_name", "package", "runtime", "timeout", "handler", "memory_size",
            "gpu_memory", "gpu_type", "cpu", "code_type", "code_url", "code_filename", "code_size", "user_data",
            "encrypted_user_data", "digest", "version", "image_name", "xrole", "app_xrole", "description",
            "last_modified", "ephemeral_storage", "func_vpc", "mount_config", "depend_list", "depend_version_list",
            "strategy_config", "dependencies", "initializer_handler", "initializer_timeout", "pre_stop_handler",
            "pre_stop_timeout", "enterprise_project_id", "long_time", "log_group_id", "log_stream_id", "type",
            "enable_cloud_debug", "enable_dynamic_memory", "is_stateful_function", "is_bridge_function",
            "enable_auth_in_header", "custom_image", "reserved_instance_idle_mode", "apig_route_enable",
            "heartbeat_handler", "enable_class_isolation", "allow_ephemeral_storage", "network_controller",
            "is_return_stream");

    /** CreateFunctionResponse. */
    static final List<String> CREATE_FUNCTION = List.of("func_id", "func_urn", "func_name", "domain_id",
            "namespace", "project_name", "package", "runtime", "timeout", "handler", "memory_size", "gpu_memory",
            "cpu", "code_type", "code_url", "code_filename", "code_size", "domain_names", "user_data",
            "encrypted_user_data", "digest", "version", "image_name", "xrole", "app_xrole", "description",
            "last_modified", "func_vpc", "mount_config", "reserved_instance_count", "depend_list",
            "depend_version_list", "strategy_config", "extend_config", "dependencies", "initializer_handler",
            "initializer_timeout", "pre_stop_handler", "pre_stop_timeout", "enterprise_project_id", "long_time",
            "log_group_id", "log_stream_id", "type", "enable_cloud_debug", "enable_dynamic_memory",
            "is_stateful_function", "custom_image", "is_bridge_function", "apig_route_enable", "heartbeat_handler",
            "enable_class_isolation", "gpu_type", "allow_ephemeral_storage", "ephemeral_storage",
            "network_controller", "resource_id", "is_return_stream", "enable_auth_in_header");

    /** UpdateFunctionConfigResponse. */
    static final List<String> UPDATE_FUNCTION_CONFIG = List.of("func_id", "resource_id", "func_urn", "func_name",
            "domain_id", "namespace", "project_name", "package", "runtime", "timeout", "handler", "memory_size",
            "gpu_memory", "cpu", "code_type", "code_url", "code_filename", "code_size", "user_data",
            "encrypted_user_data", "digest", "version", "image_name", "xrole", "app_xrole", "description",
            "last_modified", "ephemeral_storage", "func_vpc", "mount_config", "strategy_config", "dependencies",
            "initializer_handler", "initializer_timeout", "pre_stop_handler", "pre_stop_timeout",
            "enterprise_project_id", "long_time", "log_group_id", "log_stream_id", "type", "enable_cloud_debug",
            "enable_dynamic_memory", "is_stateful_function", "domain_names", "enable_auth_in_header",
            "custom_image", "is_return_stream");

    /** UpdateFunctionCodeResponse. */
    static final List<String> UPDATE_FUNCTION_CODE = List.of("func_urn", "func_name", "domain_id", "runtime",
            "code_type", "code_url", "code_filename", "code_size", "digest", "last_modified", "func_code",
            "depend_list", "depend_version_list", "strategy_config", "dependencies");

    /** UpdateFunctionConfigRequestBody: a body with any other field is refused. */
    static final Set<String> UPDATE_FUNCTION_CONFIG_BODY = Set.of("func_name", "runtime", "timeout", "handler",
            "memory_size", "gpu_memory", "gpu_type", "user_data", "encrypted_user_data", "xrole", "app_xrole",
            "description", "func_vpc", "mount_config", "strategy_config", "custom_image", "extend_config",
            "initializer_handler", "initializer_timeout", "pre_stop_handler", "pre_stop_timeout",
            "ephemeral_storage", "enterprise_project_id", "log_config", "network_controller",
            "is_stateful_function", "enable_dynamic_memory", "enable_auth_in_header", "domain_names",
            "restore_hook_handler", "restore_hook_timeout", "heartbeat_handler", "enable_class_isolation");

    /** UpdateFunctionCodeRequestBody: a body with any other field is refused. */
    static final Set<String> UPDATE_FUNCTION_CODE_BODY = Set.of("code_type", "code_url", "code_filename",
            "func_code", "depend_version_list");

    /** What the service answers for a setting the function does not have. */
    private static final Map<String, Object> UNSET = Map.ofEntries(
            Map.entry("gpu_memory", 0), Map.entry("initializer_timeout", 0), Map.entry("pre_stop_timeout", 0),
            Map.entry("reserved_instance_count", 0), Map.entry("ephemeral_storage", 512),
            Map.entry("enterprise_project_id", "0"), Map.entry("long_time", false),
            Map.entry("enable_dynamic_memory", false),
            Map.entry("is_stateful_function", false), Map.entry("is_bridge_function", false),
            Map.entry("enable_auth_in_header", false), Map.entry("reserved_instance_idle_mode", false),
            Map.entry("apig_route_enable", false), Map.entry("enable_class_isolation", false),
            Map.entry("allow_ephemeral_storage", true), Map.entry("is_return_stream", false));
    private static final Set<String> LISTS = Set.of("depend_list", "depend_version_list", "dependencies");
    private static final Set<String> OBJECTS = Set.of("func_vpc", "mount_config", "custom_image",
            "network_controller", "strategy_config");

    private SdkModels() {
    }

    /**
     * Gives a new function the service's values for what its create did not set (the unset values of
     * {@link #answer}), so that a configuration written back with them is no change (for example to what
     * CreateFunctionVersion compares).
     */
    static void holdUnsetValues(ObjectNode held) {
        ObjectNode shown = answer(held, null, SHOW_FUNCTION_CONFIG);
        for (String field : SHOW_FUNCTION_CONFIG) {
            boolean derived = field.equals("encrypted_user_data") || field.startsWith("log_");
            if (!derived && !held.has(field)) {
                held.set(field, shown.get(field));
            }
        }
    }

    /**
     * The answer of a call whose response model has {@code fields}, from what the stand-in holds for the function:
     * every field of the model, no other; a setting the function does not have as the service shows it unset (0,
     * false, "", [] or null); {@code encrypted_user_data} as its keys with empty values.
     */
    static ObjectNode answer(ObjectNode held, Map<String, String> encrypted, List<String> fields) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        for (String field : fields) {
            JsonNode value = held.get(field);
            switch (field) {
                case "encrypted_user_data": {
                    ObjectNode masked = f.objectNode();
                    if (encrypted != null) {
                        encrypted.keySet().forEach(k -> masked.put(k, ""));
                    }
                    value = f.textNode(encrypted == null ? "" : masked.toString());
                    break;
                }
                case "log_group_id":
                    value = held.path("log_config").path("group_id");
                    break;
                case "log_stream_id":
                    value = held.path("log_config").path("stream_id");
                    break;
                case "func_code":
                    value = f.objectNode().put("file", "").put("link", "");
                    break;
                default:
                    break;
            }
            if (value == null || value.isNull() || value.isMissingNode()) {
                Object unset = UNSET.get(field);
                if (unset instanceof Integer i) {
                    value = f.numberNode(i);
                } else if (unset instanceof Boolean b) {
                    value = f.booleanNode(b);
                } else if (unset instanceof String s) {
                    value = f.textNode(s);
                } else if (LISTS.contains(field)) {
                    value = f.arrayNode();
                } else if (OBJECTS.contains(field)) {
                    value = f.nullNode();
                } else {
                    value = f.textNode("");
                }
            }
            out.set(field, value.deepCopy());
        }
        return out;
    }
}
