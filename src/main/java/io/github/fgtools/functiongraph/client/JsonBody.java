package io.github.fgtools.functiongraph.client;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A JSON body written by Jackson ({@link Json#API}) straight to the output stream, each time it is sent: a typed
 * request or a tree. A package file in it ({@code client.model.CodeFile}) is streamed from the file as base64, so that
 * heap use does not grow with the package. Length and SHA-256 come from one writing pass into a stream that only counts
 * and digests.
 */
public final class JsonBody implements RequestBody {
    private static final ObjectWriter WRITER = Json.API.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Object value;
    private final long length;
    private final String sha256Hex;

    private JsonBody(Object value, long length, String sha256Hex) {
        this.value = value;
        this.length = length;
        this.sha256Hex = sha256Hex;
    }

    /** Measures the body by writing it once, discarding the bytes; fails when a package file cannot be read. */
    public static JsonBody of(Object value) throws IOException {
        Measure measure = new Measure();
        WRITER.writeValue(measure, value);
        return new JsonBody(value, measure.count, Digests.hex(measure.sha256.digest()));
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String sha256Hex() {
        return sha256Hex;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        WRITER.writeValue(out, value);
    }

    /** Counts and digests what is written, and keeps none of it. */
    private static final class Measure extends OutputStream {
        final MessageDigest sha256 = Digests.digest("SHA-256");
        long count;

        @Override
        public void write(int b) {
            sha256.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha256.update(b, off, len);
            count += len;
        }
    }
}
