package io.github.fgtools.functiongraph.packaging;

import io.github.fgtools.functiongraph.Setting;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Class-file levels read from real class files: the plugin's own (Java 8) and its tests' (Java 17). */
class ClassFileLevelsTest {
    @TempDir
    Path dir;

    private static byte[] classBytes(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private Path jar(String name, Object... entriesAndBytes) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (int i = 0; i < entriesAndBytes.length; i += 2) {
                j.putNextEntry(new JarEntry((String) entriesAndBytes[i]));
                j.write((byte[]) entriesAndBytes[i + 1]);
                j.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void readsTheMajorVersionOfEachClass() throws Exception {
        byte[] java8 = classBytes(Setting.class);          // main code: --release 8
        byte[] java17 = classBytes(ClassFileLevelsTest.class); // tests: release 17
        Path jar = jar("mixed.jar", "io/example/Old.class", java8, "io/example/New.class", java17,
                "io/example/Nested$Inner.class", java17, "README.class", "not a class file".getBytes("UTF-8"),
                "META-INF/versions/21/io/example/New.class", java17, "module-info.class", java17);
        ClassFileLevels.Scan scan = ClassFileLevels.scan(jar, 52);
        assertThat(scan.classes).isEqualTo(3);
        assertThat(scan.newestMajor).isEqualTo(61);
        assertThat(scan.newestClass).isEqualTo("io.example.New");
        assertThat(scan.newerCount).isEqualTo(2);
        assertThat(scan.newerExamples).containsExactly("io.example.New", "io.example.Nested$Inner");

        assertThat(ClassFileLevels.scan(jar, 61).hasNewer()).isFalse();
        ClassFileLevels.Scan none = ClassFileLevels.scan(jar("empty.jar", "a.txt", new byte[] {1}), 52);
        assertThat(none.classes).isZero();
        assertThat(none.hasNewer()).isFalse();
    }
}
