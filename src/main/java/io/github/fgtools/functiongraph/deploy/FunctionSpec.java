package io.github.fgtools.functiongraph.deploy;

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
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the POM says about the function itself: everything of the CreateFunction body but the code. Immutable; build
 * with {@link #builder()}, check with {@link #validate(Problems)}. A {@code null} optional field means "the POM does
 * not set it": on update, the function's current value is kept.
 */
public final class FunctionSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String functionName;
    public final String functionPackage;
    public final String runtime;
    public final String handler;
    public final Integer memorySize;
    public final Integer timeout;
    public final String description;
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

    private FunctionSpec(Builder b) {
        functionName = b.functionName;
        functionPackage = b.functionPackage == null ? "default" : b.functionPackage;
        runtime = b.runtime;
        handler = b.handler;
        memorySize = b.memorySize == null ? 256 : b.memorySize;
        timeout = b.timeout == null ? 30 : b.timeout;
        description = b.description;
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
        functionType = b.functionType == null ? "v2" : b.functionType;
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
            return JSON.writeValueAsString(new LinkedHashMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds every problem of this spec, per the seed's field rules and the documented limits. */
    public void validate(Problems problems) {
        FunctionRules.checkName(problems, Parameters.FUNCTION_NAME, functionName);
        FunctionRules.checkName(problems, Parameters.FUNCTION_PACKAGE, functionPackage);
        FunctionRules.checkRuntime(problems, runtime);
        FunctionRules.checkHandler(problems, runtime, handler);
        FunctionRules.checkMemorySize(problems, memorySize);
        FunctionRules.checkTimeout(problems, timeout);
        if (description != null && description.length() > 512) {
            problems.add(Parameters.DESCRIPTION, description.length() + " characters", "at most 512 characters");
        }
        FunctionRules.checkUserData(problems, Parameters.USER_DATA, userData, bytes(userDataJson()), false);
        FunctionRules.checkUserData(problems, Parameters.ENCRYPTED_USER_DATA, encryptedUserData,
                bytes(encryptedUserDataJson()), true);
        if (userData != null && encryptedUserData != null) {
            for (String key : userData.keySet()) {
                if (encryptedUserData.containsKey(key)) {
                    problems.add(Parameters.ENCRYPTED_USER_DATA, key,
                            "a key may be in <userData> or <encryptedUserData>, not both");
                }
            }
        }
        FunctionRules.checkHandler(problems, Parameters.INITIALIZER_HANDLER, runtime, initializerHandler, false);
        FunctionRules.checkRange(problems, Parameters.INITIALIZER_TIMEOUT, initializerTimeout, 1,
                FunctionRules.INITIALIZER_TIMEOUT_MAX, "seconds");
        if (initializerHandler != null && initializerTimeout == null) {
            problems.add(Parameters.INITIALIZER_TIMEOUT, null, "required with <initializerHandler>: 1 to "
                    + FunctionRules.INITIALIZER_TIMEOUT_MAX + " seconds");
        }
        if (initializerHandler == null && initializerTimeout != null) {
            problems.add(Parameters.INITIALIZER_HANDLER, null, "required with <initializerTimeout>");
        }
        FunctionRules.checkHandler(problems, Parameters.PRE_STOP_HANDLER, runtime, preStopHandler, false);
        FunctionRules.checkRange(problems, Parameters.PRE_STOP_TIMEOUT, preStopTimeout, 1,
                FunctionRules.PRE_STOP_TIMEOUT_MAX, "seconds");
        if (preStopHandler != null && preStopTimeout == null) {
            problems.add(Parameters.PRE_STOP_TIMEOUT, null, "required with <preStopHandler>: 1 to "
                    + FunctionRules.PRE_STOP_TIMEOUT_MAX + " seconds");
        }
        if (functionType != null && !FunctionRules.FUNCTION_TYPES.contains(functionType)) {
            problems.add(Parameters.FUNCTION_TYPE, functionType, "one of " + FunctionRules.FUNCTION_TYPES);
        }
        if (gpuMemory != null && (gpuMemory < 1024 || gpuMemory > FunctionRules.GPU_MEMORY_MAX
                || gpuMemory % 1024 != 0)) {
            problems.add(Parameters.GPU_MEMORY, gpuMemory, "a multiple of 1024 from 1024 to "
                    + FunctionRules.GPU_MEMORY_MAX + " MB");
        }
        if (vpc != null) {
            require(problems, "<vpc><vpcId>", vpc.vpcId);
            require(problems, "<vpc><subnetId>", vpc.subnetId);
        }
        if (mountConfig != null) {
            if (mountConfig.mountUser == null) {
                problems.add("<mountConfig><mountUser> is required, with <userId> and <userGroupId>");
            } else {
                require(problems, "<mountConfig><mountUser><userId>", mountConfig.mountUser.userId);
                require(problems, "<mountConfig><mountUser><userGroupId>", mountConfig.mountUser.userGroupId);
            }
            if (mountConfig.funcMounts == null || mountConfig.funcMounts.isEmpty()) {
                problems.add("<mountConfig><funcMounts> needs at least one <funcMount>");
            } else {
                int i = 1;
                for (FuncMount m : mountConfig.funcMounts) {
                    String at = "<mountConfig><funcMounts> #" + i++ + " ";
                    require(problems, at + "<mountType>", m == null ? null : m.mountType);
                    require(problems, at + "<mountResource>", m == null ? null : m.mountResource);
                    require(problems, at + "<localMountPath>", m == null ? null : m.localMountPath);
                }
            }
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

        private Builder() {
        }

        private static String blankToNull(String s) {
            return s == null || s.trim().isEmpty() ? null : s;
        }

        public Builder functionName(String v) { functionName = blankToNull(v); return this; }
        public Builder functionPackage(String v) { functionPackage = blankToNull(v); return this; }
        public Builder runtime(String v) { runtime = blankToNull(v); return this; }
        public Builder handler(String v) { handler = blankToNull(v); return this; }
        public Builder memorySize(Integer v) { memorySize = v; return this; }
        public Builder timeout(Integer v) { timeout = v; return this; }
        public Builder description(String v) { description = blankToNull(v); return this; }
        public Builder userData(Map<String, String> v) { userData = v; return this; }
        public Builder encryptedUserData(Map<String, String> v) { encryptedUserData = v; return this; }
        public Builder xrole(String v) { xrole = blankToNull(v); return this; }
        public Builder appXrole(String v) { appXrole = blankToNull(v); return this; }
        public Builder initializerHandler(String v) { initializerHandler = blankToNull(v); return this; }
        public Builder initializerTimeout(Integer v) { initializerTimeout = v; return this; }
        public Builder preStopHandler(String v) { preStopHandler = blankToNull(v); return this; }
        public Builder preStopTimeout(Integer v) { preStopTimeout = v; return this; }
        public Builder enterpriseProjectId(String v) { enterpriseProjectId = blankToNull(v); return this; }
        public Builder vpc(FuncVpc v) { vpc = v; return this; }
        public Builder mountConfig(MountConfig v) { mountConfig = v; return this; }
        public Builder logConfig(LogConfig v) { logConfig = v; return this; }
        public Builder networkController(NetworkController v) { networkController = v; return this; }
        public Builder customImage(CustomImage v) { customImage = v; return this; }
        public Builder gpuMemory(Integer v) { gpuMemory = v; return this; }
        public Builder gpuType(String v) { gpuType = blankToNull(v); return this; }
        public Builder dependVersions(List<String> v) { dependVersions = v; return this; }
        public Builder enableDynamicMemory(Boolean v) { enableDynamicMemory = v; return this; }
        public Builder statefulFunction(Boolean v) { statefulFunction = v; return this; }
        public Builder ltsCustomTags(Map<String, String> v) { ltsCustomTags = v; return this; }
        public Builder functionType(String v) { functionType = blankToNull(v); return this; }

        public FunctionSpec build() {
            return new FunctionSpec(this);
        }
    }
}
