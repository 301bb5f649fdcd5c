package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.RunConfig;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler loaded in a class loader of its own, ready to be invoked once or many times (one instance, as in a
 * warm FunctionGraph instance).
 *
 * <p>The class loader holds the project's classes and its compile, provided and runtime dependencies; its parent is
 * the platform class loader (the extension loader on Java 8), not the plugin's, so the project sees the JDK and its
 * own jars only, and its versions of Jackson, HttpClient and the like win. Each invocation runs on a thread of its
 * own whose context class loader is the project's, and is abandoned (interrupted) past {@code timeout}.
 */
final class LocalFunction implements Closeable {
    /** The Context interface of FunctionGraph's Java runtime jar, which the project brings. */
    static final String CONTEXT = "com.huawei.services.runtime.Context";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RunConfig config;
    private final Reporter reporter;
    private final URLClassLoader loader;
    private final Method method;
    private final Type eventType;
    private final Class<?> contextType;
    private final JsonBinding binding;
    private Object instance;

    private LocalFunction(RunConfig config, Reporter reporter, URLClassLoader loader, Method method,
            JsonBinding binding) {
        this.config = config;
        this.reporter = reporter;
        this.loader = loader;
        this.method = method;
        this.eventType = method.getGenericParameterTypes()[0];
        this.contextType = method.getParameterCount() == 2 ? method.getParameterTypes()[1] : null;
        this.binding = binding;
    }

    /** The class loader for {@code classPath}: isolated from the plugin, parent the platform class loader. */
    static URLClassLoader isolatedLoader(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }
        // Java 9+: the system loader's parent is the platform loader; Java 8: the extension loader
        ClassLoader parent = ClassLoader.getSystemClassLoader().getParent();
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }

    /** Loads the handler's class and method and creates its instance (on a handler thread, within the timeout). */
    static LocalFunction load(RunConfig config, Reporter reporter) throws FunctionGraphException {
        reporter.debug("Class path of the handler (project first, then its compile, provided and runtime "
                + "dependencies):");
        for (Path p : config.classPath()) {
            reporter.debug("  " + p);
        }
        URLClassLoader loader = isolatedLoader(config.classPath());
        try {
            Method method = findMethod(config, loader);
            JsonBinding binding = needsJson(method) ? JsonBinding.forProject(loader) : null;
            LocalFunction function = new LocalFunction(config, reporter, loader, method, binding);
            if (binding != null) {
                reporter.debug("The event is bound, and the result written, with " + binding.describe());
            }
            if (function.contextType != null) {
                Set<String> unanswered = ContextProxy.unanswered(function.contextType);
                if (!unanswered.isEmpty()) {
                    reporter.debug("Context methods without a local answer (they return an empty or zero value): "
                            + String.join(", ", unanswered));
                }
            }
            function.instance = function.create();
            return function;
        } catch (FunctionGraphException | RuntimeException | Error e) {
            closeQuietly(loader, reporter);
            throw e;
        } catch (ReflectiveOperationException e) {
            closeQuietly(loader, reporter);
            throw new FunctionGraphException("Cannot use the project's Jackson to bind the event: " + e, true, e);
        }
    }

    private static boolean needsJson(Method method) {
        Class<?> event = method.getParameterTypes()[0];
        Class<?> result = method.getReturnType();
        boolean rawEvent = event == String.class || event == byte[].class || event == InputStream.class;
        boolean rawResult = result == String.class || result == void.class;
        return !rawEvent || !rawResult;
    }

    private static Method findMethod(RunConfig config, ClassLoader loader) throws FunctionGraphException {
        String className = config.handlerClass();
        String methodName = config.handlerMethod();
        Class<?> type;
        List<Method> candidates = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        try {
            type = Class.forName(className, false, loader);
            for (Method m : type.getMethods()) {
                if (m.getName().equals(methodName)) {
                    if (m.getParameterCount() == 1 || m.getParameterCount() == 2) {
                        candidates.add(m);
                    } else {
                        others.add(signature(m));
                    }
                } else if (m.getDeclaringClass() != Object.class) {
                    others.add(m.getName());
                }
            }
        } catch (ClassNotFoundException e) {
            throw handlerProblem(config, "there is no class " + className + " in " + config.classPath().get(0)
                    + " nor in the project's compile, provided and runtime dependencies (compile first: "
                    + "mvn compile functiongraph:run)", e);
        } catch (LinkageError e) {
            throw handlerProblem(config, "class " + className + " needs " + missingClass(e)
                    + ", which is not on the project's class path" + runtimeJarHint(e), e);
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw handlerProblem(config, "class " + className + " must be public, as FunctionGraph requires", null);
        }
        if (candidates.isEmpty()) {
            throw handlerProblem(config, "class " + className + " has no public method " + methodName
                    + "(event) or " + methodName + "(event, Context)" + (others.isEmpty() ? ""
                    : "; its public methods: " + String.join(", ", others)), null);
        }
        Method chosen = null;
        for (Method m : candidates) {
            if (m.getParameterCount() == 2 && m.getParameterTypes()[1].getName().equals(CONTEXT)) {
                chosen = m;
            }
        }
        if (chosen == null) {
            if (candidates.size() > 1) {
                List<String> sigs = new ArrayList<>();
                for (Method m : candidates) {
                    sigs.add(signature(m));
                }
                throw handlerProblem(config, "class " + className + " has " + candidates.size() + " methods named "
                        + methodName + " (" + String.join(", ", sigs) + "); keep one", null);
            }
            chosen = candidates.get(0);
            if (chosen.getParameterCount() == 2) {
                throw handlerProblem(config, "the second parameter of " + signature(chosen) + " must be "
                        + CONTEXT + " (from FunctionGraph's runtime jar)", null);
            }
        }
        if (chosen.getParameterCount() == 2 && !chosen.getParameterTypes()[1].isInterface()) {
            throw handlerProblem(config, CONTEXT + " on the project's class path is not an interface", null);
        }
        return chosen;
    }

    private static String missingClass(LinkageError e) {
        String m = String.valueOf(e.getMessage());
        return m.replace('/', '.');
    }

    private static String runtimeJarHint(LinkageError e) {
        return String.valueOf(e.getMessage()).replace('/', '.').startsWith("com.huawei.services.runtime")
                ? ": add FunctionGraph's runtime jar as a provided dependency (mvn install:install-file, see the "
                        + "README's \"Run locally\")"
                : ": add its dependency (provided scope if the platform supplies it)";
    }

    private static String signature(Method m) {
        StringBuilder sb = new StringBuilder(m.getName()).append('(');
        Class<?>[] p = m.getParameterTypes();
        for (int i = 0; i < p.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(p[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    private static FunctionGraphException handlerProblem(RunConfig config, String what, Throwable cause) {
        return new FunctionGraphException(Setting.HANDLER + " = '" + config.handler() + "': " + what,
                true, cause);
    }

    /** The handler's instance (null for a static method), made on a handler thread. */
    private Object create() throws FunctionGraphException {
        if (Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        final Class<?> type = method.getDeclaringClass();
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw handlerProblem(config, "class " + type.getName()
                    + " needs a public constructor without parameters (or make the method static)", e);
        }
        return onHandlerThread("create", () -> {
            try {
                return type.getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                Throwable t = UserStackTrace.trim(e.getCause());
                throw new InvocationException(InvocationException.Kind.THREW, "Creating the handler class "
                        + type.getName() + " threw " + UserStackTrace.render(t), t, errorBody(t));
            }
        });
    }

    /**
     * Binds {@code event}, calls the handler with a fresh context, and writes its result.
     *
     * @param source where the event comes from, for messages (never the event itself)
     */
    RunResult invoke(byte[] event, String source) throws FunctionGraphException {
        final String requestId = UUID.randomUUID().toString();
        final long start = System.nanoTime();
        return onHandlerThread(requestId.substring(0, 8), () -> {
            Object[] args = new Object[method.getParameterCount()];
            args[0] = bind(event, source);
            if (contextType != null) {
                args[1] = ContextProxy.create(contextType, config, requestId, start, reporter);
            }
            long called = System.nanoTime();
            Object result;
            try {
                result = method.invoke(instance, args);
            } catch (InvocationTargetException e) {
                Throwable t = UserStackTrace.trim(e.getCause());
                throw new InvocationException(InvocationException.Kind.THREW, "The handler " + config.handler()
                        + " threw " + UserStackTrace.render(t), t, errorBody(t));
            }
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - called);
            return toResult(requestId, result, durationMs);
        });
    }

    private Object bind(byte[] event, String source) throws InvocationException {
        Class<?> raw = method.getParameterTypes()[0];
        if (raw == String.class) {
            return new String(event, StandardCharsets.UTF_8);
        }
        if (raw == byte[].class) {
            return event;
        }
        if (raw == InputStream.class) {
            return new ByteArrayInputStream(event);
        }
        try {
            return binding.read(event, eventType);
        } catch (Exception e) {
            throw new InvocationException(InvocationException.Kind.EVENT, "The event (" + source
                    + ") does not fit the handler's first parameter " + eventType.getTypeName() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private RunResult toResult(String requestId, Object result, long durationMs) throws InvocationException {
        if (result == null) {
            return new RunResult(requestId, "null", "null", false, durationMs);
        }
        if (result instanceof String) {
            String json;
            try {
                json = Json.MAPPER.writeValueAsString(result);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new RunResult(requestId, (String) result, json, true, durationMs);
        }
        try {
            String json = binding.write(result);
            return new RunResult(requestId, json, json, false, durationMs);
        } catch (Exception e) {
            throw new InvocationException(InvocationException.Kind.RESULT, "The handler's result (a "
                    + result.getClass().getName() + ") cannot be written as JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Map<String, Object> errorBody(Throwable t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorType", t.getClass().getName());
        body.put("errorMessage", String.valueOf(t.getMessage()));
        body.put("stackTrace", UserStackTrace.lines(t.getStackTrace()));
        if (t.getCause() != null) {
            body.put("cause", UserStackTrace.render(t.getCause()));
        }
        return body;
    }

    /** Runs {@code work} on a new daemon thread with the project's context class loader, within the timeout. */
    private <T> T onHandlerThread(String name, Callable<T> work) throws FunctionGraphException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "functiongraph-handler-" + name + "-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            return task.get(config.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StackTraceElement[] where = UserStackTrace.trim(thread.getStackTrace());
            thread.interrupt();
            StringBuilder sb = new StringBuilder("The handler " + config.handler() + " ran past "
                    + Setting.TIMEOUT + " = " + config.timeoutSeconds()
                    + " s and was interrupted (FunctionGraph would end it too); raise " + Setting.TIMEOUT + " if it needs "
                    + "longer. It was at:");
            UserStackTrace.appendFrames(sb, where);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errorMessage", "timed out after " + config.timeoutSeconds() + " s");
            body.put("stackTrace", UserStackTrace.lines(where));
            throw new InvocationException(InvocationException.Kind.TIMED_OUT, sb.toString(), null, body);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FunctionGraphException) {
                throw (FunctionGraphException) cause;
            }
            if (cause instanceof LinkageError) {
                throw new FunctionGraphException("The handler " + config.handler() + " needs a class that is not "
                        + "on the project's class path: " + cause, true, cause);
            }
            throw new FunctionGraphException("Running the handler " + config.handler() + " failed: " + cause, false,
                    cause);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new FunctionGraphException("Interrupted while the handler ran", false, e);
        }
    }

    /** The handler as {@code Class.method(Event, Context)}, for the log. */
    String describe() {
        return method.getDeclaringClass().getName() + "." + signature(method);
    }

    @Override
    public void close() {
        closeQuietly(loader, reporter);
    }

    private static void closeQuietly(URLClassLoader loader, Reporter reporter) {
        try {
            loader.close();
        } catch (IOException e) {
            reporter.debug("Closing the handler's class loader: " + e);
        }
    }
}
