package io.github.fgtools.functiongraph.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rule: {@code packaging} uses nothing of the plugin's other packages, and nothing of Maven. */
class PackagingLayeringTest {
    private static final Pattern REFERENCE =
            Pattern.compile("L?(io/github/fgtools/functiongraph/[A-Za-z0-9_/$]+|org/apache/maven/[A-Za-z0-9_/$]+)");

    @Test
    void packagingClassesReferToNoOtherPackageOfThePluginNorToMaven() throws Exception {
        Path classes = classesDirectory();
        List<String> found = new ArrayList<>();
        int classFiles = 0;
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.toString().endsWith(".class")) {
                    continue;
                }
                classFiles++;
                // class names in the constant pool are plain (modified) UTF-8; ISO-8859-1 keeps every byte
                Matcher m = REFERENCE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String name = m.group(1);
                    if (!name.startsWith("io/github/fgtools/functiongraph/packaging/")) {
                        found.add(file.getFileName() + " -> " + name);
                    }
                }
            }
        }
        assertThat(classFiles).as("class files in " + classes).isGreaterThanOrEqualTo(5);
        assertThat(found).isEmpty();
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(CodePackager.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/github/fgtools/functiongraph/packaging");
    }
}
