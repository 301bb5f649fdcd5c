package io.github.fgtools.functiongraph.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * CreateFunction's body: the fields of the SDK's {@code CreateFunctionRequestBody}, plus <code>lts_custom_tag</code>
 * (in the API's definition). Written with {@code Json.API}: snake_case, unset (null) fields left out.
 */
@JsonPropertyOrder({"func_name", "package", "runtime", "handler", "memory_size", "timeout", "code_type",
    "code_filename", "code_url", "func_code", "type", "description", "user_data", "xrole", "app_xrole",
    "initializer_handler", "initializer_timeout", "pre_stop_handler", "pre_stop_timeout", "enterprise_project_id",
    "func_vpc", "mount_config", "log_config", "network_controller", "custom_image", "gpu_memory", "gpu_type",
    "enable_dynamic_memory", "is_stateful_function", "encrypted_user_data", "lts_custom_tag", "depend_version_list"})
public class CreateFunctionRequest {
    public String funcName;
    @JsonProperty("package")
    public String functionPackage;
    public String runtime;
    public String handler;
    public Integer memorySize;
    public Integer timeout;
    public String codeType;
    public String codeFilename;
    public String codeUrl;
    public FuncCode funcCode;
    public String type;
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
    /** A JSON object as a string. Secret: never log it. */
    public String encryptedUserData;
    public Map<String, String> ltsCustomTag;
    public List<String> dependVersionList;
}
