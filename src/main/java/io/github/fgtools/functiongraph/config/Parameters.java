package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parameter table: every setting's POM element and user property, in one place, so that every message names
 * them the same way, and the defaults, each written once (the Mojos' {@code @Parameter(defaultValue = …)} use these
 * constants too).
 */
public final class Parameters {
    public static final String DEFAULT_FUNCTION_PACKAGE = "default";
    public static final String DEFAULT_MEMORY_SIZE = "256";
    public static final String DEFAULT_TIMEOUT = "30";
    public static final String DEFAULT_FUNCTION_TYPE = "v2";
    public static final String DEFAULT_REGION = "cn-north-4";
    public static final String DEFAULT_SERVER_ID = "huaweicloud";
    public static final String DEFAULT_RETRIES = "3";
    public static final String DEFAULT_CONNECT_TIMEOUT = "10";
    public static final String DEFAULT_READ_TIMEOUT = "60";
    public static final String DEFAULT_QUALIFIER = "latest";
    public static final String DEFAULT_PAYLOAD = "{}";

    private static final Map<Setting, Parameter> TABLE = new EnumMap<>(Setting.class);

    static {
        named(Setting.FUNCTION_NAME, "functionName");
        put(Setting.FUNCTION_PACKAGE, "functionPackage", "functiongraph.package");
        named(Setting.RUNTIME, "runtime");
        named(Setting.HANDLER, "handler");
        named(Setting.MEMORY_SIZE, "memorySize");
        named(Setting.TIMEOUT, "timeout");
        named(Setting.CODE_TYPE, "codeType");
        named(Setting.DESCRIPTION, "description");
        pomOnly(Setting.USER_DATA, "userData");
        pomOnly(Setting.ENCRYPTED_USER_DATA, "encryptedUserData");
        named(Setting.XROLE, "xrole");
        named(Setting.APP_XROLE, "appXrole");
        named(Setting.INITIALIZER_HANDLER, "initializerHandler");
        named(Setting.INITIALIZER_TIMEOUT, "initializerTimeout");
        named(Setting.PRE_STOP_HANDLER, "preStopHandler");
        named(Setting.PRE_STOP_TIMEOUT, "preStopTimeout");
        named(Setting.ENTERPRISE_PROJECT_ID, "enterpriseProjectId");
        pomOnly(Setting.VPC, "vpc");
        pomOnly(Setting.MOUNT_CONFIG, "mountConfig");
        pomOnly(Setting.LOG_CONFIG, "logConfig");
        pomOnly(Setting.NETWORK_CONTROLLER, "networkController");
        pomOnly(Setting.CUSTOM_IMAGE, "customImage");
        pomOnly(Setting.GPU_MEMORY, "gpuMemory");
        pomOnly(Setting.GPU_TYPE, "gpuType");
        pomOnly(Setting.DEPEND_VERSIONS, "dependVersions");
        pomOnly(Setting.ENABLE_DYNAMIC_MEMORY, "enableDynamicMemory");
        pomOnly(Setting.STATEFUL_FUNCTION, "statefulFunction");
        pomOnly(Setting.LTS_CUSTOM_TAGS, "ltsCustomTags");
        put(Setting.FUNCTION_TYPE, "functionType", "functiongraph.type");
        named(Setting.EPHEMERAL_STORAGE, "ephemeralStorage");
        named(Setting.ENABLE_CLASS_ISOLATION, "enableClassIsolation");
        named(Setting.HEARTBEAT_HANDLER, "heartbeatHandler");
        named(Setting.ENABLE_AUTH_IN_HEADER, "enableAuthInHeader");
        named(Setting.DOMAIN_NAMES, "domainNames");
        named(Setting.RESTORE_HOOK_HANDLER, "restoreHookHandler");
        named(Setting.RESTORE_HOOK_TIMEOUT, "restoreHookTimeout");

        pomOnly(Setting.ARTIFACT_FILE, "artifactFile");
        named(Setting.INCLUDE_DEPENDENCIES, "includeDependencies");
        named(Setting.CODE_DIRECTORY, "codeDirectory");
        pomOnly(Setting.INCLUDES, "includes");
        pomOnly(Setting.EXCLUDES, "excludes");
        put(Setting.OUTPUT_TIMESTAMP, "outputTimestamp", "project.build.outputTimestamp");

        named(Setting.REGION, "region");
        named(Setting.PROJECT_ID, "projectId");
        named(Setting.ENDPOINT, "endpoint");
        named(Setting.IAM_ENDPOINT, "iamEndpoint");
        named(Setting.OBS_ENDPOINT, "obsEndpoint");
        named(Setting.OBS_BUCKET, "obsBucket");
        named(Setting.OBS_OBJECT_KEY, "obsObjectKey");
        named(Setting.SERVER_ID, "serverId");

        named(Setting.SKIP, "skip");
        named(Setting.DRY_RUN, "dryRun");
        named(Setting.UPDATE_EXISTING, "updateExisting");
        named(Setting.PUBLISH_VERSION, "publishVersion");
        named(Setting.VERSION_DESCRIPTION, "versionDescription");
        named(Setting.ALIAS, "alias");
        named(Setting.CANARY_WEIGHT, "canaryWeight");
        named(Setting.VERSION_NAME, "versionName");
        named(Setting.KEEP_VERSIONS, "keepVersions");
        pomOnly(Setting.TRIGGERS, "triggers");
        named(Setting.TRIGGER_QUALIFIER, "triggerQualifier");
        named(Setting.PRUNE_TRIGGERS, "pruneTriggers");
        named(Setting.MAX_INSTANCES, "maxInstances");
        named(Setting.CONCURRENCY_PER_INSTANCE, "concurrencyPerInstance");
        named(Setting.ALLOW_DISABLE, "allowDisable");
        pomOnly(Setting.TAGS, "tags");
        named(Setting.RESERVED_INSTANCES, "reservedInstances");
        named(Setting.RESERVED_IDLE_MODE, "reservedIdleMode");
        named(Setting.RETRIES, "retries");
        named(Setting.CONNECT_TIMEOUT, "connectTimeout");
        named(Setting.READ_TIMEOUT, "readTimeout");

        named(Setting.QUALIFIER, "qualifier");
        named(Setting.PAYLOAD, "payload");
        named(Setting.PAYLOAD_FILE, "payloadFile");
        named(Setting.RUN_PORT, "runPort");
    }

    private Parameters() {
    }

    private static void put(Setting setting, String element, String property) {
        TABLE.put(setting, new Parameter(setting, element, property));
    }

    /** A parameter whose user property is {@code functiongraph.<element>}. */
    private static void named(Setting setting, String element) {
        put(setting, element, "functiongraph." + element);
    }

    /** A map or object parameter that is set in the POM only. */
    private static void pomOnly(Setting setting, String element) {
        put(setting, element, null);
    }

    /** The parameter that sets {@code setting}. */
    public static Parameter of(Setting setting) {
        Parameter p = TABLE.get(setting);
        if (p == null) {
            throw new IllegalStateException("no parameter for " + setting.name());
        }
        return p;
    }

    public static Collection<Parameter> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }

    public static int defaultInt(String value) {
        return Integer.parseInt(value);
    }
}
