package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.model.CustomImage;
import io.github.fgtools.functiongraph.client.model.FuncMount;
import io.github.fgtools.functiongraph.client.model.FuncVpc;
import io.github.fgtools.functiongraph.client.model.LogConfig;
import io.github.fgtools.functiongraph.client.model.MountConfig;
import io.github.fgtools.functiongraph.client.model.NetworkController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What the POM says about the function itself: everything of the CreateFunction body but the code. Immutable; build
 * with {@link #builder()}, check with {@link #validate(Problems)}. A {@code null} optional field means "the POM does
 * not set it": on update, the function's current value is kept.
 */
public final class FunctionSpec {
    public final String functionName;
    public final String functionPackage;
    public final String runtime;
    public final String handler;
    public final Integer memorySize;
    public final Integer timeout;
    public final String description;
    /** The length of a description longer than the API takes, which was cut; 0 when it was not. */
    private final int descriptionCutFrom;
    public final Map<String, String> userData;
    public final SecretMap encryptedUserData;
    public final String xrole;
    public final String appXrole;
    public final String initializerHandler;
    public final Integer initializerTimeout;
    public final String preStopHandler;
    public final Integer preStopTimeout;
    public final String enterpriseProjectId;
    public final FuncVpc vpc;
    public final MountConfig mountConfig;
    public final LogConfig logConfig;
    public final NetworkController networkController;
    public final CustomImage customImage;
    public final Integer gpuMemory;
    public final String gpuType;
    public final List<String> dependVersions;
    public final Boolean enableDynamicMemory;
    public final Boolean statefulFunction;
    public final Map<String, String> ltsCustomTags;
    public final String functionType;
    /** MB of /tmp ({@code ephemeral_storage}); UpdateFunctionConfig only, like the six below. */
    public final Integer ephemeralStorage;
    public final Boolean enableClassIsolation;
    public final String heartbeatHandler;
    public final Boolean enableAuthInHeader;
    public final String domainNames;
    public final String restoreHookHandler;
    public final Integer restoreHookTimeout;

    private FunctionSpec(Builder b) {
        functionName = b.functionName;
        functionPackage = b.functionPackage == null ? Parameters.DEFAULT_FUNCTION_PACKAGE : b.functionPackage;
        runtime = b.runtime;
        handler = b.handler;
        memorySize = b.memorySize == null ? Parameters.defaultInt(Parameters.DEFAULT_MEMORY_SIZE) : b.memorySize;
        timeout = b.timeout == null ? Parameters.defaultInt(Parameters.DEFAULT_TIMEOUT) : b.timeout;
        boolean cut = b.description != null && b.description.length() > FunctionRules.DESCRIPTION_MAX;
        description = cut ? b.description.substring(0, FunctionRules.DESCRIPTION_MAX) : b.description;
        descriptionCutFrom = cut ? b.description.length() : 0;
        userData = b.userData == null || b.userData.isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.userData));
        encryptedUserData = b.encryptedUserData == null || b.encryptedUserData.isEmpty() ? null
                : new SecretMap(b.encryptedUserData);
        xrole = b.xrole;
        appXrole = b.appXrole;
        initializerHandler = b.initializerHandler;
        initializerTimeout = b.initializerTimeout;
        preStopHandler = b.preStopHandler;
        preStopTimeout = b.preStopTimeout;
        enterpriseProjectId = b.enterpriseProjectId;
        vpc = b.vpc;
        mountConfig = b.mountConfig;
        logConfig = b.logConfig;
        networkController = b.networkController;
        customImage = b.customImage;
        gpuMemory = b.gpuMemory;
        gpuType = b.gpuType;
        dependVersions = b.dependVersions == null || b.dependVersions.isEmpty() ? null
                : Collections.unmodifiableList(new ArrayList<>(b.dependVersions));
        enableDynamicMemory = b.enableDynamicMemory;
        statefulFunction = b.statefulFunction;
        ltsCustomTags = b.ltsCustomTags == null || b.ltsCustomTags.isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.ltsCustomTags));
        functionType = b.functionType == null ? Parameters.DEFAULT_FUNCTION_TYPE : b.functionType;
        ephemeralStorage = b.ephemeralStorage;
        enableClassIsolation = b.enableClassIsolation;
        heartbeatHandler = b.heartbeatHandler;
        enableAuthInHeader = b.enableAuthInHeader;
        domainNames = b.domainNames;
        restoreHookHandler = b.restoreHookHandler;
        restoreHookTimeout = b.restoreHookTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The user_data map as the JSON string the API takes, or null. */
    public String userDataJson() {
        return toJson(userData);
    }

    /** The encrypted_user_data map as the JSON string the API takes, or null. Never log it. */
    public String encryptedUserDataJson() {
        return toJson(encryptedUserData);
    }

    private static String toJson(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(new LinkedHashMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds every problem of this spec, per the seed's field rules and the documented limits. */
    public void validate(Problems problems) {
        validateRunnable(problems);
        if (descriptionCutFrom > 0) {
            problems.warn(Setting.DESCRIPTION, descriptionCutFrom + " characters", "FunctionGraph takes at most "
                    + FunctionRules.DESCRIPTION_MAX + ": the first " + FunctionRules.DESCRIPTION_MAX + " are sent");
        }
        validateSettings(problems);
    }

    /**
     * The rules of what a handler needs to run, which {@code deploy} and {@code run} share: name, package, runtime,
     * handler, memory, timeout and the user data.
     */
    void validateRunnable(Problems problems) {
        FunctionRules.checkName(problems, Setting.FUNCTION_NAME, functionName);
        FunctionRules.checkName(problems, Setting.FUNCTION_PACKAGE, functionPackage);
        FunctionRules.checkRuntime(problems, runtime);
        FunctionRules.checkHandler(problems, runtime, handler);
        FunctionRules.checkMemorySize(problems, memorySize);
        FunctionRules.checkTimeout(problems, timeout);
        FunctionRules.checkUserData(problems, Setting.USER_DATA, userData, bytes(userDataJson()), false);
        FunctionRules.checkUserData(problems, Setting.ENCRYPTED_USER_DATA, encryptedUserData,
                bytes(encryptedUserDataJson()), true);
        if (userData != null && encryptedUserData != null) {
            for (String key : userData.keySet()) {
                if (encryptedUserData.containsKey(key)) {
                    problems.add(Setting.ENCRYPTED_USER_DATA, key,
                            "a key may be in " + Setting.USER_DATA + " or " + Setting.ENCRYPTED_USER_DATA + ", not both");
                }
            }
        }
    }

    private void validateSettings(Problems problems) {
        FunctionRules.checkHandler(problems, Setting.INITIALIZER_HANDLER, runtime, initializerHandler, false);
        FunctionRules.checkRange(problems, Setting.INITIALIZER_TIMEOUT, initializerTimeout, 1,
                FunctionRules.INITIALIZER_TIMEOUT_MAX, "seconds");
        if (initializerHandler != null && initializerTimeout == null) {
            problems.add(Setting.INITIALIZER_TIMEOUT, null, "required with " + Setting.INITIALIZER_HANDLER + ": 1 to "
                    + FunctionRules.INITIALIZER_TIMEOUT_MAX + " seconds");
        }
        if (initializerHandler == null && initializerTimeout != null) {
            problems.add(Setting.INITIALIZER_HANDLER, null, "required with " + Setting.INITIALIZER_TIMEOUT);
        }
        FunctionRules.checkHandler(problems, Setting.PRE_STOP_HANDLER, runtime, preStopHandler, false);
        FunctionRules.checkRange(problems, Setting.PRE_STOP_TIMEOUT, preStopTimeout, 1,
                FunctionRules.PRE_STOP_TIMEOUT_MAX, "seconds");
        if (preStopHandler != null && preStopTimeout == null) {
            problems.add(Setting.PRE_STOP_TIMEOUT, null, "required with " + Setting.PRE_STOP_HANDLER + ": 1 to "
                    + FunctionRules.PRE_STOP_TIMEOUT_MAX + " seconds");
        }
        if (preStopHandler == null && preStopTimeout != null) {
            problems.add(Setting.PRE_STOP_HANDLER, null, "required with " + Setting.PRE_STOP_TIMEOUT);
        }
        FunctionRules.checkHandler(problems, Setting.RESTORE_HOOK_HANDLER, runtime, restoreHookHandler, false);
        FunctionRules.checkRange(problems, Setting.RESTORE_HOOK_TIMEOUT, restoreHookTimeout, 1,
                FunctionRules.RESTORE_HOOK_TIMEOUT_MAX, "seconds");
        if (restoreHookHandler != null && restoreHookTimeout == null) {
            problems.add(Setting.RESTORE_HOOK_TIMEOUT, null, "required with " + Setting.RESTORE_HOOK_HANDLER
                    + ": 1 to " + FunctionRules.RESTORE_HOOK_TIMEOUT_MAX + " seconds");
        }
        if (restoreHookHandler == null && restoreHookTimeout != null) {
            problems.add(Setting.RESTORE_HOOK_HANDLER, null, "required with " + Setting.RESTORE_HOOK_TIMEOUT);
        }
        javaOnly(problems, Setting.RESTORE_HOOK_HANDLER, restoreHookHandler, "snapshot start is for Java functions");
        FunctionRules.checkHandler(problems, Setting.HEARTBEAT_HANDLER, runtime, heartbeatHandler, false);
        javaOnly(problems, Setting.HEARTBEAT_HANDLER, heartbeatHandler, "heartbeat functions are for Java runtimes");
        if (heartbeatHandler != null && FunctionRules.isJava(runtime) && handler != null
                && !declaringClass(heartbeatHandler).equals(declaringClass(handler))) {
            problems.add(Setting.HEARTBEAT_HANDLER, heartbeatHandler, "must be in the same class as "
                    + Setting.HANDLER + " (" + declaringClass(handler) + "), as FunctionGraph requires");
        }
        if (Boolean.TRUE.equals(enableClassIsolation)) {
            javaOnly(problems, Setting.ENABLE_CLASS_ISOLATION, true, "class isolation is for Java runtimes");
        }
        FunctionRules.checkRange(problems, Setting.EPHEMERAL_STORAGE, ephemeralStorage,
                FunctionRules.EPHEMERAL_STORAGE_MIN, FunctionRules.EPHEMERAL_STORAGE_MAX, "MB");
        if (logConfig != null) {
            require(problems, Setting.LOG_CONFIG + "<groupId> (FunctionGraph binds the log group by id)",
                    logConfig.groupId);
            require(problems, Setting.LOG_CONFIG + "<streamId> (FunctionGraph binds the log stream by id)",
                    logConfig.streamId);
        }
        if (functionType != null && !FunctionRules.FUNCTION_TYPES.contains(functionType)) {
            problems.add(Setting.FUNCTION_TYPE, functionType, "one of " + FunctionRules.FUNCTION_TYPES);
        }
        if (gpuMemory != null && (gpuMemory < 1024 || gpuMemory > FunctionRules.GPU_MEMORY_MAX
                || gpuMemory % 1024 != 0)) {
            problems.add(Setting.GPU_MEMORY, gpuMemory, "a multiple of 1024 from 1024 to "
                    + FunctionRules.GPU_MEMORY_MAX + " MB");
        }
        if ((gpuMemory != null || gpuType != null) && !FunctionRules.takesGpu(runtime)) {
            problems.add(gpuMemory != null ? Setting.GPU_MEMORY : Setting.GPU_TYPE,
                    gpuMemory != null ? gpuMemory : gpuType, "GPUs are for the runtimes Custom and Custom Image only, "
                    + "not " + runtime);
        }
        if (Boolean.TRUE.equals(statefulFunction) && "v1".equals(functionType)) {
            problems.add(Setting.STATEFUL_FUNCTION, true, "stateful functions are " + Setting.FUNCTION_TYPE
                    + " v2 only");
        }
        if (vpc != null) {
            require(problems, Setting.VPC + "<vpcId>", vpc.vpcId);
            require(problems, Setting.VPC + "<subnetId>", vpc.subnetId);
        }
        if (mountConfig != null) {
            if (mountConfig.mountUser == null) {
                problems.add(Setting.MOUNT_CONFIG + "<mountUser> is required, with <userId> and <userGroupId>");
            } else {
                checkMountId(problems, Setting.MOUNT_CONFIG + "<mountUser><userId>", mountConfig.mountUser.userId);
                checkMountId(problems, Setting.MOUNT_CONFIG + "<mountUser><userGroupId>",
                        mountConfig.mountUser.userGroupId);
            }
            if (mountConfig.funcMounts == null || mountConfig.funcMounts.isEmpty()) {
                problems.add(Setting.MOUNT_CONFIG + "<funcMounts> needs at least one <funcMount>");
            } else {
                int i = 1;
                for (FuncMount m : mountConfig.funcMounts) {
                    String at = Setting.MOUNT_CONFIG + "<funcMounts> #" + i++ + " ";
                    require(problems, at + "<mountType>", m == null ? null : m.mountType);
                    if (m != null && m.mountType != null && !FunctionRules.MOUNT_TYPES.contains(m.mountType)) {
                        problems.add(at + "<mountType> = '" + m.mountType + "': one of "
                                + FunctionRules.MOUNT_TYPES);
                    }
                    if (m != null && "ecs".equals(m.mountType)) {
                        require(problems, at + "<mountSharePath> (an ecs mount's remote path, e.g. "
                                + "192.168.0.12:/data)", m.mountSharePath);
                    }
                    require(problems, at + "<mountResource>", m == null ? null : m.mountResource);
                    require(problems, at + "<localMountPath>", m == null ? null : m.localMountPath);
                }
            }
        }
    }

    private void javaOnly(Problems problems, Setting setting, Object value, String why) {
        if (value != null && runtime != null && !FunctionRules.isJava(runtime)) {
            problems.add(setting, value, why + ", not " + runtime);
        }
    }

    /** {@code com.example.Handler} of {@code com.example.Handler.handle}. */
    private static String declaringClass(String handler) {
        int dot = handler.lastIndexOf('.');
        return dot < 0 ? handler : handler.substring(0, dot);
    }

    /** A mount user or group id: a whole number from -1 to 65534, not 0 (the seed's MountUser). */
    private static void checkMountId(Problems problems, String what, String value) {
        require(problems, what, value);
        if (value == null || value.trim().isEmpty()) {
            return;
        }
        try {
            int id = Integer.parseInt(value.trim());
            if (id < -1 || id > 65534 || id == 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add(what + " = '" + value + "': a whole number from -1 to 65534, not 0");
        }
    }

    private static void require(Problems problems, String what, String value) {
        if (value == null || value.trim().isEmpty()) {
            problems.add(what + " is required");
        }
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Fluent builder; every setter takes null as "not set". */
    public static final class Builder {
        private String functionName;
        private String functionPackage;
        private String runtime;
        private String handler;
        private Integer memorySize;
        private Integer timeout;
        private String description;
        private Map<String, String> userData;
        private Map<String, String> encryptedUserData;
        private String xrole;
        private String appXrole;
        private String initializerHandler;
        private Integer initializerTimeout;
        private String preStopHandler;
        private Integer preStopTimeout;
        private String enterpriseProjectId;
        private FuncVpc vpc;
        private MountConfig mountConfig;
        private LogConfig logConfig;
        private NetworkController networkController;
        private CustomImage customImage;
        private Integer gpuMemory;
        private String gpuType;
        private List<String> dependVersions;
        private Boolean enableDynamicMemory;
        private Boolean statefulFunction;
        private Map<String, String> ltsCustomTags;
        private String functionType;
        private Integer ephemeralStorage;
        private Boolean enableClassIsolation;
        private String heartbeatHandler;
        private Boolean enableAuthInHeader;
        private String domainNames;
        private String restoreHookHandler;
        private Integer restoreHookTimeout;

        private Builder() {
        }


        public Builder functionName(String v) { functionName = Text.blankToNull(v); return this; }
        public Builder functionPackage(String v) { functionPackage = Text.blankToNull(v); return this; }
        public Builder runtime(String v) { runtime = Text.blankToNull(v); return this; }
        public Builder handler(String v) { handler = Text.blankToNull(v); return this; }
        public Builder memorySize(Integer v) { memorySize = v; return this; }
        public Builder timeout(Integer v) { timeout = v; return this; }
        public Builder description(String v) { description = Text.blankToNull(v); return this; }
        public Builder userData(Map<String, String> v) { userData = v; return this; }
        public Builder encryptedUserData(Map<String, String> v) { encryptedUserData = v; return this; }
        public Builder xrole(String v) { xrole = Text.blankToNull(v); return this; }
        public Builder appXrole(String v) { appXrole = Text.blankToNull(v); return this; }
        public Builder initializerHandler(String v) { initializerHandler = Text.blankToNull(v); return this; }
        public Builder initializerTimeout(Integer v) { initializerTimeout = v; return this; }
        public Builder preStopHandler(String v) { preStopHandler = Text.blankToNull(v); return this; }
        public Builder preStopTimeout(Integer v) { preStopTimeout = v; return this; }
        public Builder enterpriseProjectId(String v) { enterpriseProjectId = Text.blankToNull(v); return this; }
        public Builder vpc(FuncVpc v) { vpc = v; return this; }
        public Builder mountConfig(MountConfig v) { mountConfig = v; return this; }
        public Builder logConfig(LogConfig v) { logConfig = v; return this; }
        public Builder networkController(NetworkController v) { networkController = v; return this; }
        public Builder customImage(CustomImage v) { customImage = v; return this; }
        public Builder gpuMemory(Integer v) { gpuMemory = v; return this; }
        public Builder gpuType(String v) { gpuType = Text.blankToNull(v); return this; }
        public Builder dependVersions(List<String> v) { dependVersions = v; return this; }
        public Builder enableDynamicMemory(Boolean v) { enableDynamicMemory = v; return this; }
        public Builder statefulFunction(Boolean v) { statefulFunction = v; return this; }
        public Builder ltsCustomTags(Map<String, String> v) { ltsCustomTags = v; return this; }
        public Builder functionType(String v) { functionType = Text.blankToNull(v); return this; }
        public Builder ephemeralStorage(Integer v) { ephemeralStorage = v; return this; }
        public Builder enableClassIsolation(Boolean v) { enableClassIsolation = v; return this; }
        public Builder heartbeatHandler(String v) { heartbeatHandler = Text.blankToNull(v); return this; }
        public Builder enableAuthInHeader(Boolean v) { enableAuthInHeader = v; return this; }
        public Builder domainNames(String v) { domainNames = Text.blankToNull(v); return this; }
        public Builder restoreHookHandler(String v) { restoreHookHandler = Text.blankToNull(v); return this; }
        public Builder restoreHookTimeout(Integer v) { restoreHookTimeout = v; return this; }

        public FunctionSpec build() {
            return new FunctionSpec(this);
        }
    }
}
