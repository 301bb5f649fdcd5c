package io.github.fgtools.functiongraph;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting the user controls, as a fact: which one, not what the build tool calls it. Core code names a setting in a
 * message by concatenating the constant ({@code "Raise " + Setting.READ_TIMEOUT}), which writes a marker; the build
 * tool's layer turns each marker into its own words with {@link #render} (for Maven, the POM element and the user
 * property, from {@code config.Parameters}).
 */
public enum Setting {
    FUNCTION_NAME, FUNCTION_PACKAGE, RUNTIME, HANDLER, MEMORY_SIZE, TIMEOUT, CODE_TYPE, DESCRIPTION, USER_DATA,
    ENCRYPTED_USER_DATA, XROLE, APP_XROLE, INITIALIZER_HANDLER, INITIALIZER_TIMEOUT, PRE_STOP_HANDLER,
    PRE_STOP_TIMEOUT, ENTERPRISE_PROJECT_ID, VPC, MOUNT_CONFIG, LOG_CONFIG, NETWORK_CONTROLLER, CUSTOM_IMAGE,
    GPU_MEMORY, GPU_TYPE, DEPEND_VERSIONS, ENABLE_DYNAMIC_MEMORY, STATEFUL_FUNCTION, LTS_CUSTOM_TAGS, FUNCTION_TYPE,
    EPHEMERAL_STORAGE, ENABLE_CLASS_ISOLATION, HEARTBEAT_HANDLER, ENABLE_AUTH_IN_HEADER, DOMAIN_NAMES,
    RESTORE_HOOK_HANDLER, RESTORE_HOOK_TIMEOUT,
    ARTIFACT_FILE, INCLUDE_DEPENDENCIES, CODE_DIRECTORY, INCLUDES, EXCLUDES, OUTPUT_TIMESTAMP,
    REGION, PROJECT_ID, ENDPOINT, IAM_ENDPOINT, OBS_ENDPOINT, OBS_BUCKET, OBS_OBJECT_KEY, SERVER_ID,
    SKIP, DRY_RUN, UPDATE_EXISTING, PUBLISH_VERSION, VERSION_DESCRIPTION, ALIAS, CANARY_WEIGHT,
    VERSION_NAME, KEEP_VERSIONS,
    TRIGGERS, TRIGGER_QUALIFIER, PRUNE_TRIGGERS,
    MAX_INSTANCES, CONCURRENCY_PER_INSTANCE, ALLOW_DISABLE, TAGS, RESERVED_INSTANCES, RESERVED_IDLE_MODE,
    RETRIES, CONNECT_TIMEOUT, READ_TIMEOUT,
    QUALIFIER, PAYLOAD, PAYLOAD_FILE, RUN_PORT;

    private static final Pattern MARKER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    /** The marker this setting stands for in a message, e.g. {@code {{READ_TIMEOUT}}}. */
    @Override
    public String toString() {
        return "{{" + name() + "}}";
    }

    /** {@code text} with each setting's marker replaced by {@code words.apply(setting)}. */
    public static String render(String text, Function<Setting, String> words) {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        Matcher m = MARKER.matcher(text);
        StringBuffer sb = new StringBuffer();
        while (m.find()) {
            String replacement;
            try {
                replacement = words.apply(valueOf(m.group(1)));
            } catch (IllegalArgumentException notASetting) {
                replacement = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
