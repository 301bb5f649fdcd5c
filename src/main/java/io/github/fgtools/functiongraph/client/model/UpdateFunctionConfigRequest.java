package io.github.fgtools.functiongraph.client.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * UpdateFunctionConfig's body: the fields of the SDK's {@code UpdateFunctionConfigRequestBody}. The call replaces the
 * whole configuration, so a field left out is reset: the caller fills in what it does not change.
 */
@JsonPropertyOrder({"func_name", "runtime", "handler", "memory_size", "timeout", "description", "user_data", "xrole",
    "app_xrole", "initializer_handler", "initializer_timeout", "pre_stop_handler", "pre_stop_timeout",
    "enterprise_project_id", "func_vpc", "mount_config", "log_config", "network_controller", "custom_image",
    "gpu_memory", "gpu_type", "enable_dynamic_memory", "is_stateful_function", "strategy_config", "extend_config",
    "ephemeral_storage", "enable_auth_in_header", "domain_names", "restore_hook_handler", "restore_hook_timeout",
    "heartbeat_handler", "enable_class_isolation", "encrypted_user_data"})
public class UpdateFunctionConfigRequest {
    public String funcName;
    public String runtime;
    public String handler;
    public Integer memorySize;
    public Integer timeout;
    public String description;
    /** A JSON object as a string. */
    public String userData;
    public String xrole;
    public String appXrole;
    public String initializerHandler;
    public Integer initializerTimeout;
    public String preStopHandler;
    public Integer preStopTimeout;
    public String enterpriseProjectId;
    public FuncVpc funcVpc;
    public MountConfig mountConfig;
    public LogConfig logConfig;
    public NetworkController networkController;
    public CustomImage customImage;
    public Integer gpuMemory;
    public String gpuType;
    public Boolean enableDynamicMemory;
    public Boolean isStatefulFunction;
    public StrategyConfig strategyConfig;
    /** A JSON object as a string. */
    public String extendConfig;
    public Integer ephemeralStorage;
    public Boolean enableAuthInHeader;
    public String domainNames;
    public String restoreHookHandler;
    public Integer restoreHookTimeout;
    public String heartbeatHandler;
    public Boolean enableClassIsolation;
    /** A JSON object as a string. Secret: never log it. */
    public String encryptedUserData;
}
