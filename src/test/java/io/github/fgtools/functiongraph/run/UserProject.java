package io.github.fgtools.functiongraph.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's project for the tests: sources compiled into a directory of their own, which is not on the test class
 * path, so that only the runner's class loader can reach them.
 */
final class UserProject {
    private UserProject() {
    }

    /** Compiles {@code sources} (class name to source) into {@code dir}, against {@code classPath}. */
    static Path compile(Path dir, Map<String, String> sources, List<Path> classPath) {
        try {
            Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src"));
            Files.createDirectories(dir);
            List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-g", "-nowarn"));
            if (!classPath.isEmpty()) {
                args.add("-cp");
                args.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            }
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = javac.run(null, null, err, args.toArray(new String[0]));
            if (rc != 0) {
                throw new IllegalStateException("javac failed:\n" + err);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path compile(Path dir, Map<String, String> sources) {
        return compile(dir, sources, List.of());
    }

    /** The jar or directory a class of the test class path comes from (to give a user project a library). */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in for FunctionGraph's runtime jar: Context and RuntimeLogger with the real names. */
    static final Map<String, String> RUNTIME_STANDIN = Map.of(
            "com.huawei.services.runtime.Context", """
                    package com.huawei.services.runtime;
                    public interface Context {
                        String getRequestID();
                        int getRemainingTimeInMilliSeconds();
                        String getAccessKey();
                        String getSecretKey();
                        String getSecurityAccessKey();
                        String getSecuritySecretKey();
                        String getSecurityToken();
                        String getToken();
                        String getUserData(String key);
                        String getFunctionName();
                        int getRunningTimeInSeconds();
                        String getVersion();
                        int getMemorySize();
                        int getCPUNumber();
                        String getPackage();
                        String getProjectID();
                        RuntimeLogger getLogger();
                        String getAlias();
                    }
                    """,
            "com.huawei.services.runtime.RuntimeLogger", """
                    package com.huawei.services.runtime;
                    public interface RuntimeLogger {
                        void log(String log);
                        void debug(String log);
                        void info(String log);
                        void warn(String log);
                        void error(String log);
                        void setLevel(String level);
                    }
                    """);
}
