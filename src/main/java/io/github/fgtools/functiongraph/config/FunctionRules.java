package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's field rules, from the seed's field descriptions (CreateFunction.json) and the documented limits.
 * Each check adds to {@link Problems} rather than throwing, so that all problems are reported at once.
 */
public final class FunctionRules {
    /** Function and package names. */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$");
    public static final String NAME_RULE = "a letter first, then up to 60 letters, digits, '_' or '-', ending in a letter or digit";

    /**
     * Version names, CreateFunctionVersion's {@code version}: 1–42 letters, digits, '_', '-' or '.', a letter or digit
     * at both ends. Without a name the service names the version from the time of publishing,
     * {@code v<yyyyMMdd>-<HHmmss>} (e.g. {@code v20261204-142128}); names are never assumed to be numbers.
     */
    public static final Pattern VERSION_NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]{0,40}[A-Za-z0-9])?$");
    public static final String VERSION_NAME_RULE = "1–42 letters, digits, '_', '-' or '.', starting and ending with a "
            + "letter or digit (not 'latest')";

    /**
     * The newest class-file major version each Java runtime loads: Java8 52, Java11 55, Java17 61, Java21 65. A
     * runtime {@code Java<N>} the table does not list yet follows the JVM's own rule, major = N + 44.
     */
    private static final Map<String, Integer> CLASS_FILE_MAJOR;

    static {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("Java8", 52);
        m.put("Java11", 55);
        m.put("Java17", 61);
        m.put("Java21", 65);
        CLASS_FILE_MAJOR = Collections.unmodifiableMap(m);
    }

    /** The seed's {@code runtime} enum. */
    public static final List<String> RUNTIMES = Collections.unmodifiableList(Arrays.asList(
            "Java8", "Java11", "Java17", "Python2.7", "Python3.6", "Python3.9", "Python3.10", "Go1.8", "Go1.x",
            "Node.js6.10", "Node.js8.10", "Node.js10.16", "Node.js12.13", "Node.js14.18", "Node.js16.17",
            "Node.js18.15", "C#(.NET Core 2.0)", "C#(.NET Core 2.1)", "C#(.NET Core 3.1)", "C#(.NET Core 6.0)",
            "Custom", "PHP7.3", "Cangjie1.0", "http", "Custom Image"));
    /** The seed's {@code code_type} enum. */
    public static final List<String> CODE_TYPES = Collections.unmodifiableList(
            Arrays.asList("inline", "zip", "obs", "jar", "Custom-Image-Swr"));
    /** The seed's {@code type} enum. */
    public static final List<String> FUNCTION_TYPES = Collections.unmodifiableList(Arrays.asList("v1", "v2"));
    /** The seed's memory sizes (MB). */
    public static final List<Integer> MEMORY_SIZES = Collections.unmodifiableList(Arrays.asList(
            128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096));
    /** Some regions offer more than the seed documents: multiples of 128 up to this are a warning only. */
    public static final int MEMORY_MAX_ANY_REGION = 10240;
    /** The seed's GPU memory sizes: multiples of 1024 from 1024 to 16384. */
    public static final int GPU_MEMORY_MAX = 16384;

    /** The seed's FuncMount {@code mount_type} values. */
    public static final List<String> MOUNT_TYPES = Collections.unmodifiableList(Arrays.asList("sfs", "sfsTurbo",
            "ecs"));
    public static final int DESCRIPTION_MAX = 512;
    public static final int TIMEOUT_MIN = 3;
    public static final int TIMEOUT_MAX = 259200;
    public static final int INITIALIZER_TIMEOUT_MAX = 300;
    public static final int PRE_STOP_TIMEOUT_MAX = 90;
    /** The SDK's UpdateFunctionConfigRequestBody: snapshot start's restore hook, 1–300 s. */
    public static final int RESTORE_HOOK_TIMEOUT_MAX = 300;
    /** ephemeral_storage, MB of /tmp: 512 by default, up to 10 GB (the SDK's UpdateFunctionConfigRequestBody). */
    public static final int EPHEMERAL_STORAGE_MIN = 512;
    public static final int EPHEMERAL_STORAGE_MAX = 10240;
    public static final int HANDLER_MIN = 3;
    public static final int HANDLER_MAX = 128;
    public static final int USER_DATA_MAX_KEYS = 20;
    public static final int USER_DATA_MAX_BYTES = 4096;

    private FunctionRules() {
    }

    public static boolean isJava(String runtime) {
        return runtime != null && runtime.startsWith("Java");
    }

    /** The seed's gpu_memory: "only Custom and Custom Image functions can use GPUs". */
    public static boolean takesGpu(String runtime) {
        return "Custom".equals(runtime) || isCustomImage(runtime);
    }

    /** The newest class-file major version {@code runtime} loads, or -1 when it is not a Java runtime. */
    public static int maxClassFileMajor(String runtime) {
        Integer known = runtime == null ? null : CLASS_FILE_MAJOR.get(runtime);
        if (known != null) {
            return known;
        }
        if (runtime != null && runtime.matches("Java[0-9]{1,3}")) {
            return Integer.parseInt(runtime.substring(4)) + 44;
        }
        return -1;
    }

    /** The Java release a class-file major version belongs to: 52 is 8, 61 is 17 (from Java 5, major 49, on). */
    public static int javaRelease(int classFileMajor) {
        return classFileMajor - 44;
    }

    /** A version name the user gives: {@link #VERSION_NAME}, and not {@code latest}. */
    public static void checkVersionName(Problems problems, String versionName) {
        if (versionName != null && (!VERSION_NAME.matcher(versionName).matches() || "latest".equals(versionName))) {
            problems.add(Setting.VERSION_NAME, versionName, VERSION_NAME_RULE);
        }
    }

    public static boolean isCustomImage(String runtime) {
        return "Custom Image".equals(runtime);
    }

    public static void checkName(Problems problems, Setting parameter, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(parameter, value, "required; " + NAME_RULE);
        } else if (!NAME.matcher(value).matches()) {
            problems.add(parameter, value, NAME_RULE + " (pattern " + NAME.pattern() + ")");
        }
    }

    public static void checkRuntime(Problems problems, String runtime) {
        if (runtime == null || runtime.isEmpty()) {
            problems.add(Setting.RUNTIME, runtime, "required; one of " + String.join(", ", RUNTIMES));
        } else if (!RUNTIMES.contains(runtime)) {
            problems.add(Setting.RUNTIME, runtime, "one of " + String.join(", ", RUNTIMES)
                    + " (the API's exact values)" + suggestRuntime(runtime));
        }
    }

    private static String suggestRuntime(String runtime) {
        for (String r : RUNTIMES) {
            if (r.equalsIgnoreCase(runtime) || r.replace(".", "").equalsIgnoreCase(runtime.replace(".", ""))) {
                return "; did you mean '" + r + "'?";
            }
        }
        return "";
    }

    /** The main handler: 3–128 characters with a '.', or '-' for Custom Image; Java: package.Class.method. */
    public static void checkHandler(Problems problems, String runtime, String handler) {
        checkHandler(problems, Setting.HANDLER, runtime, handler, true);
    }

    public static void checkHandler(Problems problems, Setting parameter, String runtime, String handler,
            boolean required) {
        if (handler == null || handler.isEmpty()) {
            if (required) {
                problems.add(parameter, handler, "required; " + handlerRule(runtime));
            }
            return;
        }
        if (parameter == Setting.HANDLER && isCustomImage(runtime) && "-".equals(handler)) {
            return;
        }
        if (handler.length() < HANDLER_MIN || handler.length() > HANDLER_MAX || handler.indexOf('.') < 0
                || handler.startsWith(".") || handler.endsWith(".")) {
            problems.add(parameter, handler, handlerRule(runtime));
        }
    }

    private static String handlerRule(String runtime) {
        String base = HANDLER_MIN + "–" + HANDLER_MAX + " characters containing a '.'";
        if (isJava(runtime)) {
            return base + ", in the form package.Class.method (e.g. com.example.Handler.handleRequest)";
        }
        if (isCustomImage(runtime)) {
            return base + ", or '-' for Custom Image";
        }
        return base + " (e.g. index.handler)";
    }

    public static void checkMemorySize(Problems problems, Integer memorySize) {
        if (memorySize == null) {
            problems.add(Setting.MEMORY_SIZE, null, "required; one of " + MEMORY_SIZES + " (MB)");
        } else if (!MEMORY_SIZES.contains(memorySize)) {
            if (memorySize > 0 && memorySize % 128 == 0 && memorySize <= MEMORY_MAX_ANY_REGION) {
                problems.warn(Setting.MEMORY_SIZE, memorySize, "not in the documented sizes " + MEMORY_SIZES
                        + "; some regions offer it, the API decides");
            } else {
                problems.add(Setting.MEMORY_SIZE, memorySize, "one of " + MEMORY_SIZES
                        + " MB (some regions also take multiples of 128 up to " + MEMORY_MAX_ANY_REGION + ")");
            }
        }
    }

    public static void checkRange(Problems problems, Setting parameter, Integer value, int min, int max,
            String unit) {
        if (value != null && (value < min || value > max)) {
            problems.add(parameter, value, "between " + min + " and " + max + " " + unit);
        }
    }

    public static void checkTimeout(Problems problems, Integer timeout) {
        if (timeout == null) {
            problems.add(Setting.TIMEOUT, null, "required; between " + TIMEOUT_MIN + " and " + TIMEOUT_MAX
                    + " seconds");
        } else {
            checkRange(problems, Setting.TIMEOUT, timeout, TIMEOUT_MIN, TIMEOUT_MAX, "seconds");
        }
    }

    /** user_data and encrypted_user_data: at most 20 keys and 4 KB as the JSON string that is sent. */
    public static void checkUserData(Problems problems, Setting parameter, Map<String, String> data,
            int jsonBytes, boolean secret) {
        if (data == null || data.isEmpty()) {
            return;
        }
        if (data.size() > USER_DATA_MAX_KEYS) {
            problems.add(parameter, data.size() + " keys", "at most " + USER_DATA_MAX_KEYS + " keys");
        }
        if (jsonBytes > USER_DATA_MAX_BYTES) {
            problems.add(parameter, jsonBytes + " bytes as JSON", "at most " + USER_DATA_MAX_BYTES
                    + " bytes (4 KB) as JSON");
        }
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getKey() == null || e.getKey().trim().isEmpty()) {
                problems.add(parameter, "an empty key", "every key needs a name");
            }
            if (e.getValue() == null) {
                problems.add(parameter, e.getKey() + " with no value", secret
                        ? "every key needs a value (an unset property? the value is not shown)"
                        : "every key needs a value");
            }
        }
    }
}
