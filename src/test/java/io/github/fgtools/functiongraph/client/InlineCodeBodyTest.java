package io.github.fgtools.functiongraph.client;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed body equals, byte for byte, the body Jackson would build in memory. */
class InlineCodeBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 100, 65536, 3 * 64 * 1024 + 1, 1_000_003})
    void streamedBodyEqualsTheInMemoryBody(int size) throws Exception {
        byte[] code = new byte[size];
        new Random(size).nextBytes(code);
        Path file = Files.write(dir.resolve("code.zip"), code);

        ObjectNode body = JSON.createObjectNode();
        body.put("func_name", "f\u00e9");
        body.putObject("func_code").put("file", InlineCodeBody.PLACEHOLDER);
        body.put("user_data", "{\"K\":\"v\\\"\"}");
        InlineCodeBody streamed = InlineCodeBody.of(JSON.writeValueAsString(body), file);

        ObjectNode inMemory = body.deepCopy();
        ((ObjectNode) inMemory.get("func_code")).put("file", Base64.getEncoder().encodeToString(code));
        byte[] expected = JSON.writeValueAsBytes(inMemory);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streamed.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(streamed.length()).isEqualTo(expected.length);
        assertThat(streamed.sha256Hex()).isEqualTo(Digests.sha256Hex(expected));
        // repeatable: a retry sends the same bytes
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        streamed.writeTo(again);
        assertThat(again.toByteArray()).isEqualTo(expected);
    }
}
