package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.config.SecretMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RunConfigTest {
    @TempDir
    Path tmp;

    private RunConfig.Builder valid() throws Exception {
        return RunConfig.builder().handler("com.example.Hello.handle").runtime("Java17").functionName("hello")
                .classesDirectory(Files.createDirectories(tmp.resolve("classes"))).outputDirectory(tmp.resolve("out"));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingElementAndProperty() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> RunConfig.builder().handler("handle").runtime("java11").functionName("1bad").timeout(1)
                        .memorySize(100).runPort(70000).payloadFile(tmp.resolve("missing.json"))
                        .classesDirectory(tmp.resolve("classes")).outputDirectory(tmp).build());

        assertThat(e.problems().stream().map(Words::render).collect(java.util.stream.Collectors.toList())).hasSize(8);
        assertThat(Words.render(e.getMessage())).contains(
                "<runtime> (functiongraph.runtime) = 'java11'", "did you mean 'Java11'?",
                "<handler> (functiongraph.handler) = 'handle'",
                "<functionName> (functiongraph.functionName) = '1bad'",
                "<timeout> (functiongraph.timeout) = 1: between 3 and 259200 seconds",
                "<memorySize> (functiongraph.memorySize) = 100",
                "<runPort> (functiongraph.runPort) = 70000",
                "<payloadFile> (functiongraph.payloadFile) = '" + tmp.resolve("missing.json") + "'",
                "mvn compile functiongraph:run");
    }

    @Test
    void aNonJavaRuntimeSaysRunServesJavaOnly() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> valid().runtime("Python3.9").handler("index.handler").build());

        assertThat(e.problems().stream().map(Words::render).collect(java.util.stream.Collectors.toList())).containsExactly("<runtime> (functiongraph.runtime) = 'Python3.9': "
                + "functiongraph:run serves the Java runtimes only (Java8, Java11, Java17); deploy a Python3.9 "
                + "function to try it");
    }

    @Test
    void aHandlerThatIsNotJavaNamesTheForm() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> valid().handler("com.example.Hello.handle-it").build());

        assertThat(e.problems().stream().map(Words::render).collect(java.util.stream.Collectors.toList())).singleElement().asString().contains("package.Class.method");
    }

    @Test
    void aLargerMemorySizeIsAWarningAndTheHandlerSplitsAtTheLastDot() throws Exception {
        RunConfig config = valid().memorySize(8192).runPort(0).build();

        assertThat(config.warnings().stream().map(Words::render).collect(java.util.stream.Collectors.toList())).singleElement().asString().startsWith("<memorySize> (functiongraph.memorySize) = 8192");
        assertThat(config.handlerClass()).isEqualTo("com.example.Hello");
        assertThat(config.handlerMethod()).isEqualTo("handle");
        assertThat(config.runPort()).isZero();
        assertThat(config.resultFile()).isEqualTo(tmp.resolve("out/run-result.json"));
    }

    @Test
    void secretValuesAreNeitherShownNorLostAndOversizedUserDataIsAProblem() throws Exception {
        RunConfig config = valid().encryptedUserData(Map.of("DB_PASSWORD", "s3cret")).build();
        assertThat(config.encryptedUserData()).containsEntry("DB_PASSWORD", "s3cret");
        assertThat(config.encryptedUserData().toString()).isEqualTo("{DB_PASSWORD=" + SecretMap.MASK + "}");

        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> valid().userData(Map.of("BIG", "x".repeat(5000))).build());
        assertThat(Words.render(e.getMessage())).contains("<userData>", "at most 4096 bytes");
    }
}
