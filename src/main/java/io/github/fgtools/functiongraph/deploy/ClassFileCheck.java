package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionRules;
import io.github.fgtools.functiongraph.packaging.ClassFileLevels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Class files newer than the runtime loads, found before anything is sent: a jar compiled for Java 17 uploads fine to
 * a {@code Java11} function and then fails every invocation with {@code UnsupportedClassVersionError}. The function
 * jar's newer classes are an error; a dependency jar's a warning (the function may never load them).
 */
public final class ClassFileCheck {
    private ClassFileCheck() {
    }

    /** The function jar has classes newer than its runtime loads. {@link #release} is the level to compile for. */
    public static final class TooNewException extends FunctionGraphException {
        private static final long serialVersionUID = 1L;
        /** The Java release the runtime runs, e.g. 11 for {@code Java11}: what to compile for. */
        public final int release;

        TooNewException(String message, int release) {
            super(message);
            this.release = release;
        }
    }

    /** Reads the Java jars of a Java runtime's package; other runtimes and code directories are not read. */
    static void check(DeployConfig config, Reporter reporter) throws FunctionGraphException {
        String runtime = config.function.runtime;
        int max = FunctionRules.maxClassFileMajor(runtime);
        if (max < 0 || config.codeDirectory != null || config.artifactFile == null) {
            return;
        }
        ClassFileLevels.Scan jar = scan(config.artifactFile, max);
        if (jar.classes > 0) {
            reporter.debug("Class files of " + config.artifactFile.getFileName() + ": " + jar.classes + ", newest "
                    + describe(jar.newestMajor) + " (" + jar.newestClass + ")");
        }
        if (!config.packageIsJarAlone()) {
            for (Path dependency : config.dependencyJars) {
                ClassFileLevels.Scan dep = scan(dependency, max);
                if (dep.hasNewer()) {
                    reporter.warn("Dependency " + dependency.getFileName() + " has " + count(dep) + " for "
                            + describe(dep.newestMajor) + " (e.g. " + dep.newerExamples.get(0) + "), newer than "
                            + "runtime " + runtime + " loads (up to " + describe(max) + "): the function fails with "
                            + "UnsupportedClassVersionError if it loads them. Use a version of it built for Java "
                            + FunctionRules.javaRelease(max) + ", or a newer " + Setting.RUNTIME + ".");
                }
            }
        }
        if (jar.hasNewer()) {
            int release = FunctionRules.javaRelease(max);
            String newer = newerRuntime(jar.newestMajor);
            throw new TooNewException("The function jar " + config.artifactFile.getFileName() + " has "
                    + count(jar) + " newer than runtime " + runtime + " loads: " + jar.newestClass + " is "
                    + describe(jar.newestMajor) + ", and " + runtime + " runs class files up to "
                    + describe(max) + ". Deployed, it would fail on every invocation with "
                    + "UnsupportedClassVersionError. Compile for Java " + release + " (the compiler's --release "
                    + release + ")" + (newer == null ? "" : ", or set " + Setting.RUNTIME + " to " + newer)
                    + ". Nothing was sent.", release);
        }
    }

    private static ClassFileLevels.Scan scan(Path jar, int max) throws FunctionGraphException {
        try {
            return ClassFileLevels.scan(jar, max);
        } catch (IOException e) {
            throw new FunctionGraphException("Cannot read " + jar + " as a jar: " + e.getMessage(), true, e);
        }
    }

    /** The oldest Java runtime of the API's list that loads {@code major}, or null. */
    private static String newerRuntime(int major) {
        List<String> runtimes = FunctionRules.RUNTIMES;
        for (String r : runtimes) {
            int m = FunctionRules.maxClassFileMajor(r);
            if (m >= major) {
                return r;
            }
        }
        return null;
    }

    private static String count(ClassFileLevels.Scan scan) {
        return scan.newerCount == 1 ? "1 class file" : scan.newerCount + " class files";
    }

    /** {@code Java 17 (class file major 61)}. */
    static String describe(int major) {
        return "Java " + FunctionRules.javaRelease(major) + " (class file major " + major + ")";
    }
}
