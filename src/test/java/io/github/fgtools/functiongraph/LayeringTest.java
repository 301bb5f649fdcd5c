package io.github.fgtools.functiongraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers run one way (STYLE.md): {@code maven} → {@code deploy}, {@code invoke}, {@code run} → {@code config},
 * {@code client}, {@code packaging} → the root package. {@code config} may use {@code client}'s facts and
 * {@code packaging}'s timestamps; {@code client} never uses {@code config}; only {@code maven} uses Maven's API. Read
 * from the compiled classes' constant pools, so that every reference counts, not only imports.
 */
class LayeringTest {
    private static final String ROOT = "io/github/fgtools/functiongraph/";
    private static final Path CLASSES = Paths.get("target/classes", ROOT);
    /** What each layer may use, besides itself and the root package. */
    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

    static {
        allow("");
        allow("packaging");
        allow("client");
        allow("config", "client", "packaging");
        allow("deploy", "client", "config", "packaging");
        allow("invoke", "client", "config");
        allow("run", "client", "config");
        allow("maven", "client", "config", "packaging", "deploy", "invoke", "run");
    }

    private static void allow(String layer, String... uses) {
        ALLOWED.put(layer, new TreeSet<>(Arrays.asList(uses)));
    }

    /** The plugin's packages a class file refers to (the first segment below the root; "" for the root). */
    static Set<String> layersUsedBy(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile(Pattern.quote(ROOT) + "(?:([a-z]+)/)?[A-Z$]").matcher(text);
        while (m.find()) {
            used.add(m.group(1) == null ? "" : m.group(1));
        }
        return used;
    }

    private static String layerOf(Path classFile) {
        Path rel = CLASSES.relativize(classFile);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files = classFiles();
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String layer = layerOf(file);
            if (layer.equals("maven") && file.getFileName().toString().startsWith("HelpMojo")) {
                continue;
            }
            assertThat(ALLOWED).as("a layer the test knows: " + layer).containsKey(layer);
            for (String used : layersUsedBy(Files.readAllBytes(file))) {
                if (!used.equals(layer) && !used.isEmpty() && !ALLOWED.get(layer).contains(used)) {
                    violations.add(CLASSES.relativize(file) + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheMavenLayerUsesMavensApi() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : classFiles()) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (!layerOf(file).equals("maven") && text.contains("org/apache/maven/")) {
                violations.add(CLASSES.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesAForbiddenReference() {
        // what a client class referring to config looks like in its constant pool
        byte[] forged = ("Lio/github/fgtools/functiongraph/config/DeployConfig;"
                + "io/github/fgtools/functiongraph/client/Json").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(layersUsedBy(forged)).containsExactly("client", "config");
        assertThat(layersUsedBy("io/github/fgtools/functiongraph/Setting".getBytes(StandardCharsets.ISO_8859_1)))
                .containsExactly("");
    }
}
