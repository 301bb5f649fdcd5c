package io.github.fgtools.functiongraph.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A JSON body whose {@code func_code.file} is the base64 of a package file, streamed from the file through a base64
 * encoder as it is sent: heap use does not grow with the package. The JSON around it is given as the text before and
 * after the string's content; {@link #PLACEHOLDER} marks the spot in a body serialized with it.
 */
public final class InlineCodeBody implements RequestBody {
    /** Put this as the value of {@code func_code.file}, serialize, and hand the JSON to {@link #of}. */
    public static final String PLACEHOLDER = "@@functiongraph-maven-plugin:func_code.file@@";

    private final byte[] prefix;
    private final byte[] suffix;
    private final Path file;
    private final long fileSize;
    private String sha256;

    private InlineCodeBody(byte[] prefix, Path file, long fileSize, byte[] suffix) {
        this.prefix = prefix;
        this.file = file;
        this.fileSize = fileSize;
        this.suffix = suffix;
    }

    public static InlineCodeBody of(String jsonWithPlaceholder, Path file) throws IOException {
        int at = jsonWithPlaceholder.indexOf(PLACEHOLDER);
        if (at < 0 || jsonWithPlaceholder.indexOf(PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalArgumentException("the JSON must hold the placeholder exactly once");
        }
        byte[] prefix = jsonWithPlaceholder.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = jsonWithPlaceholder.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8);
        return new InlineCodeBody(prefix, file, Files.size(file), suffix);
    }

    /** The length of the base64 text of {@code size} bytes. */
    public static long base64Length(long size) {
        return (size + 2) / 3 * 4;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public long length() {
        return prefix.length + base64Length(fileSize) + suffix.length;
    }

    @Override
    public synchronized String sha256Hex() throws IOException {
        if (sha256 == null) {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (DigestOutputStream out = new DigestOutputStream(NullOutputStream.INSTANCE, md)) {
                writeTo(out);
            }
            sha256 = Digests.hex(md.digest());
        }
        return sha256;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(prefix);
        OutputStream encoder = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // keep the underlying stream open: the suffix follows
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[3 * 64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                encoder.write(buffer, 0, n);
            }
        }
        encoder.close(); // writes the final padding
        out.write(suffix);
    }

    /** Discards everything: for the hashing pass. */
    static final class NullOutputStream extends OutputStream {
        static final NullOutputStream INSTANCE = new NullOutputStream();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
