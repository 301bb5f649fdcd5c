package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything a local run needs, validated once: {@link Builder#build()} gathers every problem and throws one
 * {@link InvalidConfigurationException} naming each parameter. Immutable.
 */
public final class RunConfig {
    /** The version the context reports: a local run is always the code as it is now. */
    public static final String VERSION = "latest";

    private final String handler;
    private final String runtime;
    private final String functionName;
    private final String functionPackage;
    private final int memorySize;
    private final int timeoutSeconds;
    private final Map<String, String> userData;
    private final SecretMap encryptedUserData;
    private final String payload;
    private final Path payloadFile;
    private final Integer runPort;
    private final List<Path> classPath;
    private final Path outputDirectory;
    private final String projectId;
    private final Credentials credentials;
    private final List<String> warnings;

    private RunConfig(Builder b, FunctionSpec f, List<String> warnings) {
        this.handler = f.handler;
        this.runtime = f.runtime;
        this.functionName = f.functionName;
        this.functionPackage = f.functionPackage;
        this.memorySize = f.memorySize;
        this.timeoutSeconds = f.timeout;
        this.userData = f.userData == null ? Collections.<String, String>emptyMap() : f.userData;
        this.encryptedUserData = new SecretMap(f.encryptedUserData);
        this.payload = b.payload;
        this.payloadFile = b.payloadFile;
        this.runPort = b.runPort;
        this.classPath = Collections.unmodifiableList(new ArrayList<>(b.classPath));
        this.outputDirectory = b.outputDirectory;
        this.projectId = b.projectId;
        this.credentials = b.credentials;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code package.Class.method}. */
    public String handler() {
        return handler;
    }

    /** The class part of {@link #handler()}. */
    public String handlerClass() {
        return handler.substring(0, handler.lastIndexOf('.'));
    }

    /** The method part of {@link #handler()}. */
    public String handlerMethod() {
        return handler.substring(handler.lastIndexOf('.') + 1);
    }

    public String runtime() {
        return runtime;
    }

    public String functionName() {
        return functionName;
    }

    public String functionPackage() {
        return functionPackage;
    }

    public int memorySize() {
        return memorySize;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public Map<String, String> userData() {
        return userData;
    }

    /** A copy: its {@code toString()} masks the values. */
    public SecretMap encryptedUserData() {
        return new SecretMap(encryptedUserData);
    }

    /** The inline event ({@code payload}); {@link #payloadFile()} wins when set. */
    public String payload() {
        return payload;
    }

    /** The event file, or null. */
    public Path payloadFile() {
        return payloadFile;
    }

    /** Serve on this loopback port (0: any free port), or null for a single run. */
    public Integer runPort() {
        return runPort;
    }

    /** The project's output directory, then its compile, provided and runtime dependency jars. */
    public List<Path> classPath() {
        return classPath;
    }

    /** {@code target/functiongraph}: where {@code run-result.json} goes. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    public Path resultFile() {
        return outputDirectory.resolve("run-result.json");
    }

    /** The project id for the context, or null when not known. */
    public String projectId() {
        return projectId;
    }

    /** Credentials for the context, or null when not known. */
    public Credentials credentials() {
        return credentials;
    }

    /** Things worth saying that do not stop the run (a memory size outside the documented list). */
    public List<String> warnings() {
        return warnings;
    }

    /** Says where the event comes from, for the log: never the event itself. */
    public String eventSource() {
        return payloadFile != null ? Setting.PAYLOAD_FILE + " " + payloadFile : Setting.PAYLOAD + " (" + payload.length() + " characters)";
    }

    /** Collects the values; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final FunctionSpec.Builder function = FunctionSpec.builder();
        private String handler;
        private String runtime;
        private String payload = "{}";
        private Path payloadFile;
        private Integer runPort;
        private final List<Path> classPath = new ArrayList<>();
        private Path outputDirectory;
        private String projectId;
        private Credentials credentials;

        private Builder() {
        }

        public Builder handler(String handler) {
            this.handler = Text.blankToNull(handler);
            function.handler(handler);
            return this;
        }

        public Builder runtime(String runtime) {
            this.runtime = Text.blankToNull(runtime);
            function.runtime(runtime);
            return this;
        }

        public Builder functionName(String functionName) {
            function.functionName(functionName);
            return this;
        }

        public Builder functionPackage(String functionPackage) {
            function.functionPackage(functionPackage);
            return this;
        }

        public Builder memorySize(Integer memorySize) {
            function.memorySize(memorySize);
            return this;
        }

        public Builder timeout(Integer seconds) {
            function.timeout(seconds);
            return this;
        }

        public Builder userData(Map<String, String> userData) {
            function.userData(userData);
            return this;
        }

        public Builder encryptedUserData(Map<String, String> encryptedUserData) {
            function.encryptedUserData(encryptedUserData);
            return this;
        }

        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        public Builder payloadFile(Path payloadFile) {
            this.payloadFile = payloadFile;
            return this;
        }

        public Builder runPort(Integer runPort) {
            this.runPort = runPort;
            return this;
        }

        /** The project's output directory: first on the class path. */
        public Builder classesDirectory(Path classesDirectory) {
            classPath.add(0, classesDirectory);
            return this;
        }

        /** A dependency jar (or directory), in resolution order. */
        public Builder dependency(Path path) {
            classPath.add(path);
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = Text.blankToNull(projectId);
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Validates everything, then throws once listing every problem. */
        public RunConfig build() throws InvalidConfigurationException {
            Problems problems = new Problems();
            FunctionSpec spec = function.build();
            spec.validateRunnable(problems);
            if (runtime != null && FunctionRules.RUNTIMES.contains(runtime) && !FunctionRules.isJava(runtime)) {
                problems.add(Setting.RUNTIME, runtime, "functiongraph:run serves the Java runtimes only ("
                        + javaRuntimes() + "); deploy a " + runtime + " function to try it");
            }
            if (handler != null && handler.indexOf('.') > 0 && !handler.endsWith(".")
                    && !isJavaHandler(handler)) {
                problems.add(Setting.HANDLER, handler,
                        "package.Class.method, each part a Java name (e.g. com.example.Handler.handleRequest)");
            }
            if (payloadFile != null) {
                if (!Files.isRegularFile(payloadFile)) {
                    problems.add(Setting.PAYLOAD_FILE, payloadFile.toString(), "an existing file (the event)");
                }
            } else if (payload == null) {
                problems.add(Setting.PAYLOAD, null, "the event, e.g. {} or {\"name\":\"World\"}");
            }
            if (runPort != null && (runPort < 0 || runPort > 65535)) {
                problems.add(Setting.RUN_PORT, runPort, "a port from 1 to 65535, or 0 for any free port");
            }
            if (classPath.isEmpty() || !Files.isDirectory(classPath.get(0))) {
                problems.add("The project's classes " + (classPath.isEmpty() ? "" : "(" + classPath.get(0) + ") ")
                        + "are not there: compile first, e.g. mvn compile functiongraph:run");
            }
            if (outputDirectory == null) {
                problems.add("No output directory for run-result.json");
            }
            problems.throwIfAny("Cannot run the handler locally");
            return new RunConfig(this, spec, problems.warnings());
        }

        private static String javaRuntimes() {
            StringBuilder sb = new StringBuilder();
            for (String r : FunctionRules.RUNTIMES) {
                if (FunctionRules.isJava(r)) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(r);
                }
            }
            return sb.toString();
        }

        private static boolean isJavaHandler(String handler) {
            for (String part : handler.split("\\.", -1)) {
                if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                    return false;
                }
                for (int i = 1; i < part.length(); i++) {
                    if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                        return false;
                    }
                }
            }
            return true;
        }

    }
}
