package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The plugin's Jackson mappers, configured once (an {@code ObjectMapper} is thread-safe once configured). */
public final class Json {
    /** Jackson's defaults: responses read as trees, results and files written as given. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The API's bodies: Java's camelCase fields as snake_case, unset (null) fields left out. */
    public static final ObjectMapper API = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /** Writes {@code value} as pretty-printed JSON with a final newline: the files under target/functiongraph. */
    public static void write(Path file, Object value) throws FunctionGraphException {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FunctionGraphException("cannot write " + file + ": " + e.getMessage(), false, e);
        }
    }
}
