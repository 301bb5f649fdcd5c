package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.config.RunConfig;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A FunctionGraph-like {@code com.huawei.services.runtime.Context}, built by reflection over whatever copy of that
 * interface the project has on its class path (the plugin does not ship FunctionGraph's runtime jar).
 *
 * <p>Methods are answered by name, ignoring case, so that {@code getRequestID} and {@code getRequestId} both work:
 * request id, function name, package, version ({@code latest}), alias (empty), memory size, running time, remaining
 * time counted down from the timeout, {@code getUserData(key)} from {@code userData} then {@code encryptedUserData},
 * {@code getLogger()} writing to the build log, project id and credentials when known. Any other method answers a
 * neutral value (empty string, zero, false, empty collection, null) and is listed at DEBUG when the proxy is made.
 * No answer is ever logged.
 */
final class ContextProxy implements InvocationHandler {
    private static final List<String> LOGGER_LEVELS = java.util.Arrays.asList("DEBUG", "INFO", "WARN", "ERROR");

    private final RunConfig config;
    private final String requestId;
    private final long deadlineNanos;
    private final Reporter reporter;
    private final Map<String, String> userData;

    private ContextProxy(RunConfig config, String requestId, long startNanos, Reporter reporter) {
        this.config = config;
        this.requestId = requestId;
        this.deadlineNanos = startNanos + TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
        this.reporter = reporter;
        Map<String, String> data = new LinkedHashMap<>(config.userData());
        data.putAll(config.encryptedUserData());
        this.userData = Collections.unmodifiableMap(data);
    }

    /** A proxy of {@code contextInterface} for one invocation that started at {@code startNanos}. */
    static Object create(Class<?> contextInterface, RunConfig config, String requestId, long startNanos,
            Reporter reporter) {
        ContextProxy handler = new ContextProxy(config, requestId, startNanos, reporter);
        return Proxy.newProxyInstance(contextInterface.getClassLoader(), new Class<?>[] {contextInterface}, handler);
    }

    /** The methods of {@code contextInterface} that have no local answer, for the debug log. */
    static Set<String> unanswered(Class<?> contextInterface) {
        Set<String> names = new TreeSet<>();
        for (Method m : contextInterface.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !isObjectMethod(m) && !answers(m)) {
                names.add(m.getName());
            }
        }
        return names;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object[] a = args == null ? new Object[0] : args;
        switch (method.getName()) {
            case "toString":
                if (a.length == 0) {
                    return "local FunctionGraph context for " + config.functionName() + " (request " + requestId + ")";
                }
                break;
            case "hashCode":
                if (a.length == 0) {
                    return System.identityHashCode(proxy);
                }
                break;
            case "equals":
                if (a.length == 1) {
                    return proxy == a[0];
                }
                break;
            default:
                break;
        }
        Object answer = answer(method, a);
        return answer == NO_ANSWER ? neutral(method.getReturnType()) : fit(answer, method.getReturnType());
    }

    private static final Object NO_ANSWER = new Object();

    private static boolean answers(Method m) {
        String name = m.getName().toLowerCase(Locale.ROOT);
        if (name.equals("getuserdata")) {
            // getUserData(key), getUserData(key, default), or all of it as a Map; never a secret as a String
            return m.getParameterCount() == 0 ? m.getReturnType().isAssignableFrom(Map.class)
                    : m.getParameterCount() <= 2 && m.getReturnType().isAssignableFrom(String.class);
        }
        if (name.equals("getlogger")) {
            return m.getReturnType().isInterface();
        }
        return m.getParameterCount() == 0 && SIMPLE.contains(name);
    }

    private static final Set<String> SIMPLE = new TreeSet<>(java.util.Arrays.asList(
            "getrequestid", "getfunctionname", "getpackage", "getversion", "getalias", "getmemorysize",
            "getrunningtimeinseconds", "getremainingtimeinmilliseconds", "getprojectid", "getaccesskey",
            "getsecretkey", "getsecurityaccesskey", "getsecuritysecretkey", "getsecuritytoken", "gettoken"));

    private Object answer(Method method, Object[] a) {
        if (!answers(method)) {
            return NO_ANSWER;
        }
        Credentials c = config.credentials();
        switch (method.getName().toLowerCase(Locale.ROOT)) {
            case "getrequestid":
                return requestId;
            case "getfunctionname":
                return config.functionName();
            case "getpackage":
                return config.functionPackage();
            case "getversion":
                return RunConfig.VERSION;
            case "getalias":
                return "";
            case "getmemorysize":
                return config.memorySize();
            case "getrunningtimeinseconds":
                return config.timeoutSeconds();
            case "getremainingtimeinmilliseconds":
                return Math.max(0L, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            case "getprojectid":
                return orEmpty(config.projectId());
            case "getaccesskey":
            case "getsecurityaccesskey":
                return c == null ? "" : orEmpty(c.accessKey());
            case "getsecretkey":
            case "getsecuritysecretkey":
                return c == null ? "" : orEmpty(c.secretKey());
            case "getsecuritytoken":
                return c == null ? "" : orEmpty(c.securityToken());
            case "gettoken":
                return c == null ? "" : orEmpty(c.authToken());
            case "getuserdata":
                if (a.length == 0) {
                    return userData;
                }
                String value = userData.get(String.valueOf(a[0]));
                return value == null && a.length == 2 ? a[1] : value;
            case "getlogger":
                return Proxy.newProxyInstance(method.getReturnType().getClassLoader(),
                        new Class<?>[] {method.getReturnType()}, new Logger());
            default:
                return NO_ANSWER;
        }
    }

    /** {@code RuntimeLogger}: {@code log}, {@code debug}, {@code info}, {@code warn}, {@code error}, {@code setLevel}. */
    private final class Logger implements InvocationHandler {
        private volatile int minimum = 0;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Object[] a = args == null ? new Object[0] : args;
            String name = method.getName();
            if (name.equals("toString") && a.length == 0) {
                return "local FunctionGraph logger (request " + requestId + ")";
            }
            if (name.equals("hashCode") && a.length == 0) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("equals") && a.length == 1) {
                return proxy == a[0];
            }
            if (name.equalsIgnoreCase("setLevel") && a.length == 1) {
                int level = LOGGER_LEVELS.indexOf(String.valueOf(a[0]).toUpperCase(Locale.ROOT));
                if (level >= 0) {
                    minimum = level;
                }
                return neutral(method.getReturnType());
            }
            String level = name.toUpperCase(Locale.ROOT);
            if (level.equals("LOG") || LOGGER_LEVELS.contains(level)) {
                int rank = level.equals("LOG") ? LOGGER_LEVELS.indexOf("INFO") : LOGGER_LEVELS.indexOf(level);
                if (rank >= minimum && a.length > 0) {
                    String line = "[handler " + level + "] " + message(a);
                    if ("ERROR".equals(level)) {
                        reporter.error(line);
                    } else if ("WARN".equals(level)) {
                        reporter.warn(line);
                    } else {
                        reporter.info(line);
                    }
                }
            }
            return neutral(method.getReturnType());
        }

        private String message(Object[] a) {
            if (a.length >= 2 && a[0] instanceof String && a[a.length - 1] instanceof Object[]) {
                try {
                    return String.format((String) a[0], (Object[]) a[a.length - 1]);
                } catch (java.util.IllegalFormatException e) {
                    return String.valueOf(a[0]);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                sb.append(sb.length() == 0 ? "" : " ").append(o);
            }
            return sb.toString();
        }
    }

    private static boolean isObjectMethod(Method m) {
        String n = m.getName();
        return (n.equals("toString") || n.equals("hashCode")) && m.getParameterCount() == 0
                || n.equals("equals") && m.getParameterCount() == 1;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Converts an answer to the declared return type, e.g. an int memory size to a String or a long. */
    private static Object fit(Object value, Class<?> type) {
        if (value == null) {
            return type.isPrimitive() ? neutral(type) : null;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number) {
            Number n = (Number) value;
            if (boxed == Integer.class) {
                return (int) Math.min(Integer.MAX_VALUE, n.longValue());
            }
            if (boxed == Long.class) {
                return n.longValue();
            }
            if (boxed == Double.class) {
                return n.doubleValue();
            }
            if (boxed == Float.class) {
                return n.floatValue();
            }
            if (boxed == Short.class) {
                return n.shortValue();
            }
        }
        if (boxed == String.class) {
            return String.valueOf(value);
        }
        return neutral(type);
    }

    /** Empty string, zero, false, an empty collection, or null. */
    static Object neutral(Class<?> type) {
        if (type == void.class) {
            return null;
        }
        if (type.isPrimitive()) {
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return '\0';
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == float.class) {
                return 0f;
            }
            if (type == short.class) {
                return (short) 0;
            }
            if (type == byte.class) {
                return (byte) 0;
            }
            return 0;
        }
        if (type == Object.class) {
            return null;
        }
        if (type == String.class || type == CharSequence.class) {
            return "";
        }
        if (type == Integer.class) {
            return 0;
        }
        if (type == Long.class) {
            return 0L;
        }
        if (type == Boolean.class) {
            return false;
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type.isAssignableFrom(HashMap.class)) {
            return new HashMap<>();
        }
        if (type.isAssignableFrom(ArrayList.class)) {
            return new ArrayList<>();
        }
        if (type.isAssignableFrom(java.util.HashSet.class)) {
            return new java.util.HashSet<>();
        }
        return null;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
