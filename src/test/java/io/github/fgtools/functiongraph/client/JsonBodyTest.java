package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.client.model.CodeFile;
import io.github.fgtools.functiongraph.client.model.CreateFunctionRequest;
import io.github.fgtools.functiongraph.client.model.FuncCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The streamed body equals, byte for byte, the body Jackson would build in memory with java.util.Base64. */
class JsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CreateFunctionRequest request(Path file, long size) {
        CreateFunctionRequest body = new CreateFunctionRequest();
        body.funcName = "f\u00e9";
        body.funcCode = new FuncCode(new CodeFile(file, size));
        body.userData = "{\"K\":\"v\\\"\"}";
        return body;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 100, 65536, 3 * 64 * 1024 + 1, 1_000_003})
    void streamedBodyEqualsTheInMemoryBody(int size) throws Exception {
        byte[] code = new byte[size];
        new Random(size).nextBytes(code);
        Path file = Files.write(dir.resolve("code.zip"), code);

        JsonBody streamed = JsonBody.of(request(file, size));

        ObjectNode inMemory = JSON.createObjectNode();
        inMemory.put("func_name", "f\u00e9");
        inMemory.putObject("func_code").put("file", Base64.getEncoder().encodeToString(code));
        inMemory.put("user_data", "{\"K\":\"v\\\"\"}");
        byte[] expected = JSON.writeValueAsBytes(inMemory);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streamed.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(streamed.length()).isEqualTo(expected.length);
        assertThat(streamed.sha256Hex()).isEqualTo(Digests.sha256Hex(expected));
        assertThat(streamed.contentType()).isEqualTo("application/json");
        // repeatable: a retry sends the same bytes
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        streamed.writeTo(again);
        assertThat(again.toByteArray()).isEqualTo(expected);
    }

    @Test
    void aTreeIsWrittenAsJacksonWritesIt() throws Exception {
        ObjectNode tree = JSON.createObjectNode().put("name", "prod").put("version", "3");
        tree.putObject("additional_version_weights").put("4", 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBody body = JsonBody.of(tree);
        body.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(JSON.writeValueAsBytes(tree));
        assertThat(body.length()).isEqualTo(out.size());
    }

    @Test
    void theOutputStreamIsLeftOpen() throws Exception {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonBody.of(request(Files.write(dir.resolve("c.zip"), new byte[10]), 10)).writeTo(out);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aMissingPackageFailsBeforeAnythingIsSent() {
        Path missing = dir.resolve("gone.zip");
        assertThatThrownBy(() -> JsonBody.of(request(missing, 10))).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read the package " + missing);
    }

    /** Heap use does not grow with the package: writing a 24 MB package allocates far less than its base64 (32 MB). */
    @Test
    void thePackageIsStreamedNotHeldInMemory() throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "allocation counting needs HotSpot's ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long size = 24L * 1024 * 1024;
        Path file = dir.resolve("big.zip");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        JsonBody body = JsonBody.of(request(file, size));
        Counter sink = new Counter();
        body.writeTo(sink);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(sink.count).isEqualTo(body.length()).isGreaterThan(size * 4 / 3);
        assertThat(allocated).as("bytes allocated while measuring and writing").isLessThan(size / 8);
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
