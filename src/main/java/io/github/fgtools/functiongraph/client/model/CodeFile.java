package io.github.fgtools.functiongraph.client.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A code package sent inline (<code>func_code.file</code>): written as the base64 of the file, streamed from the file
 * by the JSON generator each time the body is written, so that heap use does not grow with the package. The size is
 * taken once, when the package is known; the file must not change after that.
 */
@JsonSerialize(using = CodeFile.Base64Serializer.class)
public final class CodeFile {
    private final Path file;
    private final int size;

    /** {@code size}: the file's size in bytes, at most {@link Integer#MAX_VALUE} (FunctionGraph takes 50 MB inline). */
    public CodeFile(Path file, long size) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot send " + size + " bytes inline: " + file);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.size = (int) size;
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return file.toString();
    }

    /**
     * Writes the file as one JSON string: standard base64 with padding and without line feeds (Jackson's
     * {@code MIME_NO_LINEFEEDS}, named here so that the mapper's default variant cannot change it).
     */
    static final class Base64Serializer extends StdSerializer<CodeFile> {
        private static final long serialVersionUID = 1L;
        private static final int BUFFER_SIZE = 64 * 1024;

        Base64Serializer() {
            super(CodeFile.class);
        }

        @Override
        public void serialize(CodeFile value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            InputStream in;
            try {
                in = Files.newInputStream(value.file);
            } catch (IOException e) {
                throw new IOException("cannot read the package " + value.file + " (" + e.getClass().getSimpleName()
                        + ")", e);
            }
            // the generator reads 2,000 bytes at a time: buffered, that is not a system call each
            try (InputStream buffered = new BufferedInputStream(in, BUFFER_SIZE)) {
                gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, buffered, value.size);
            }
        }
    }
}
