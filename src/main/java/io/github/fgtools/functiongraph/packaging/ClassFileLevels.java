package io.github.fgtools.functiongraph.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java level of a jar's class files: each class file's major version (52 is Java 8, 61 Java 17), read from its
 * first eight bytes ({@code CAFEBABE}, minor, major) without loading anything.
 *
 * <p>Left out, because no JVM of an older level ever loads them: the classes under {@code META-INF/versions/}
 * (a multi-release jar's classes for newer JVMs) and {@code module-info.class} (a Java 8 JVM ignores it). Entries
 * named {@code .class} that are not class files (no {@code CAFEBABE}) are left out too: the JVM would refuse them
 * whatever the runtime, which is not what this reads.
 */
public final class ClassFileLevels {
    private static final int MAGIC = 0xCAFEBABE;
    /** How many of the newer classes a {@link Scan} names. */
    static final int EXAMPLES = 3;

    private ClassFileLevels() {
    }

    /** What {@link #scan} found in one jar. */
    public static final class Scan {
        /** The jar that was read. */
        public final Path jar;
        /** Class files read. */
        public final int classes;
        /** The newest major version found, or 0 when the jar has no class file. */
        public final int newestMajor;
        /** A class (binary name, {@code com.example.Handler}) with {@link #newestMajor}, or null. */
        public final String newestClass;
        /** How many class files are newer than the limit given to {@link #scan}. */
        public final int newerCount;
        /** Up to three of them, in the jar's order, as binary names. */
        public final List<String> newerExamples;

        Scan(Path jar, int classes, int newestMajor, String newestClass, int newerCount, List<String> newerExamples) {
            this.jar = jar;
            this.classes = classes;
            this.newestMajor = newestMajor;
            this.newestClass = newestClass;
            this.newerCount = newerCount;
            this.newerExamples = Collections.unmodifiableList(new ArrayList<>(newerExamples));
        }

        /** True when some class file is newer than the limit. */
        public boolean hasNewer() {
            return newerCount > 0;
        }
    }

    /**
     * Reads the major version of every class file of {@code jar} and counts those above {@code maxMajor}.
     *
     * @throws IOException when the jar cannot be read as a zip
     */
    public static Scan scan(Path jar, int maxMajor) throws IOException {
        int classes = 0;
        int newest = 0;
        String newestClass = null;
        int newer = 0;
        List<String> examples = new ArrayList<>();
        byte[] head = new byte[8];
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/versions/")
                        || name.equals("module-info.class") || name.endsWith("/module-info.class")) {
                    continue;
                }
                int major;
                try (InputStream in = zip.getInputStream(e)) {
                    if (readFully(in, head) < head.length || readInt(head, 0) != MAGIC) {
                        continue;
                    }
                    major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                }
                classes++;
                String className = className(name);
                if (major > newest) {
                    newest = major;
                    newestClass = className;
                }
                if (major > maxMajor) {
                    newer++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(className);
                    }
                }
            }
        }
        return new Scan(jar, classes, newest, newestClass, newer, examples);
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** {@code com/example/Handler$Inner.class} → {@code com.example.Handler$Inner}. */
    private static String className(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
    }
}
