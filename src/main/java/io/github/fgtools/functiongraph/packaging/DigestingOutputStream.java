package io.github.fgtools.functiongraph.packaging;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Passes bytes through to a stream while computing SHA-256, SHA-512 and MD5 of them and counting them, so a package's
 * digests come from the same single pass that writes it.
 */
final class DigestingOutputStream extends FilterOutputStream {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha512 = digest("SHA-512");
    private final MessageDigest md5 = digest("MD5");
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        sha512.update((byte) b);
        md5.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        sha512.update(b, off, len);
        md5.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** Completes the digests; call once, after the last write. */
    Digests digests() {
        return new Digests(count, hex(sha256.digest()), hex(sha512.digest()),
                Base64.getEncoder().encodeToString(md5.digest()));
    }

    static String hex(byte[] bytes) {
        char[] chars = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            chars[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            chars[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(chars);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    static final class Digests {
        final long size;
        final String sha256Hex;
        final String sha512Hex;
        final String md5Base64;

        Digests(long size, String sha256Hex, String sha512Hex, String md5Base64) {
            this.size = size;
            this.sha256Hex = sha256Hex;
            this.sha512Hex = sha512Hex;
            this.md5Base64 = md5Base64;
        }
    }
}
