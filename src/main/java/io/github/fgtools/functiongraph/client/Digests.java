package io.github.fgtools.functiongraph.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The digests request signing needs: hex SHA-256 of a body (in memory or streamed from a file) and base64 MD5 for OBS. */
public final class Digests {
    /** Hex SHA-256 of zero bytes: the payload hash of a request without a body. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int BUFFER_SIZE = 64 * 1024;

    private Digests() {
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return hex(digest("SHA-256").digest(bytes));
    }

    /** Lowercase hex SHA-256 of the file's content, read in chunks (the file is never held in memory). */
    public static String sha256Hex(Path file) throws IOException {
        return hex(digest(file, "SHA-256"));
    }

    /** Base64 MD5 of {@code bytes}: the value of a {@code Content-MD5} header. */
    public static String md5Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest("MD5").digest(bytes));
    }

    /** Base64 MD5 of the file's content, streamed: the value of a {@code Content-MD5} header. */
    public static String md5Base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(digest(file, "MD5"));
    }

    /** Lowercase hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    private static byte[] digest(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide MD5 and SHA-256
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
