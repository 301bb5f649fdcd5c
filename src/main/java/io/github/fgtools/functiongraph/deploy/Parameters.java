package io.github.fgtools.functiongraph.deploy;

/** The contract's parameter names, in one place, so that every message names them the same way. */
public final class Parameters {
    public static final Parameter FUNCTION_NAME = Parameter.named("functionName");
    public static final Parameter FUNCTION_PACKAGE = Parameter.of("functionPackage", "functiongraph.package");
    public static final Parameter RUNTIME = Parameter.named("runtime");
    public static final Parameter HANDLER = Parameter.named("handler");
    public static final Parameter MEMORY_SIZE = Parameter.named("memorySize");
    public static final Parameter TIMEOUT = Parameter.named("timeout");
    public static final Parameter CODE_TYPE = Parameter.named("codeType");
    public static final Parameter DESCRIPTION = Parameter.named("description");
    public static final Parameter USER_DATA = Parameter.pomOnly("userData");
    public static final Parameter ENCRYPTED_USER_DATA = Parameter.pomOnly("encryptedUserData");
    public static final Parameter XROLE = Parameter.named("xrole");
    public static final Parameter APP_XROLE = Parameter.named("appXrole");
    public static final Parameter INITIALIZER_HANDLER = Parameter.named("initializerHandler");
    public static final Parameter INITIALIZER_TIMEOUT = Parameter.named("initializerTimeout");
    public static final Parameter PRE_STOP_HANDLER = Parameter.named("preStopHandler");
    public static final Parameter PRE_STOP_TIMEOUT = Parameter.named("preStopTimeout");
    public static final Parameter ENTERPRISE_PROJECT_ID = Parameter.named("enterpriseProjectId");
    public static final Parameter VPC = Parameter.pomOnly("vpc");
    public static final Parameter MOUNT_CONFIG = Parameter.pomOnly("mountConfig");
    public static final Parameter LOG_CONFIG = Parameter.pomOnly("logConfig");
    public static final Parameter NETWORK_CONTROLLER = Parameter.pomOnly("networkController");
    public static final Parameter CUSTOM_IMAGE = Parameter.pomOnly("customImage");
    public static final Parameter GPU_MEMORY = Parameter.pomOnly("gpuMemory");
    public static final Parameter GPU_TYPE = Parameter.pomOnly("gpuType");
    public static final Parameter DEPEND_VERSIONS = Parameter.pomOnly("dependVersions");
    public static final Parameter LTS_CUSTOM_TAGS = Parameter.pomOnly("ltsCustomTags");
    public static final Parameter FUNCTION_TYPE = Parameter.of("functionType", "functiongraph.type");

    public static final Parameter ARTIFACT_FILE = Parameter.pomOnly("artifactFile");
    public static final Parameter INCLUDE_DEPENDENCIES = Parameter.named("includeDependencies");
    public static final Parameter CODE_DIRECTORY = Parameter.named("codeDirectory");
    public static final Parameter OUTPUT_TIMESTAMP = Parameter.of("outputTimestamp", "project.build.outputTimestamp");

    public static final Parameter REGION = Parameter.named("region");
    public static final Parameter PROJECT_ID = Parameter.named("projectId");
    public static final Parameter ENDPOINT = Parameter.named("endpoint");
    public static final Parameter IAM_ENDPOINT = Parameter.named("iamEndpoint");
    public static final Parameter OBS_ENDPOINT = Parameter.named("obsEndpoint");
    public static final Parameter OBS_BUCKET = Parameter.named("obsBucket");
    public static final Parameter OBS_OBJECT_KEY = Parameter.named("obsObjectKey");
    public static final Parameter SERVER_ID = Parameter.named("serverId");

    public static final Parameter PUBLISH_VERSION = Parameter.named("publishVersion");
    public static final Parameter VERSION_DESCRIPTION = Parameter.named("versionDescription");
    public static final Parameter ALIAS = Parameter.named("alias");
    public static final Parameter CANARY_WEIGHT = Parameter.named("canaryWeight");
    public static final Parameter RETRIES = Parameter.named("retries");
    public static final Parameter CONNECT_TIMEOUT = Parameter.named("connectTimeout");
    public static final Parameter READ_TIMEOUT = Parameter.named("readTimeout");

    public static final Parameter QUALIFIER = Parameter.named("qualifier");
    public static final Parameter PAYLOAD = Parameter.named("payload");
    public static final Parameter PAYLOAD_FILE = Parameter.named("payloadFile");
    public static final Parameter RUN_PORT = Parameter.named("runPort");

    private Parameters() {
    }
}
