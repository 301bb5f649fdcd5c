package io.github.fgtools.functiongraph.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A repeatable request body: written as often as a retry needs, streamed, its length and SHA-256 known before the
 * first byte is sent (the signature needs the hash).
 */
public interface RequestBody {
    String contentType();

    long length();

    /** Hex SHA-256 of the bytes {@link #writeTo} writes. */
    String sha256Hex() throws IOException;

    void writeTo(OutputStream out) throws IOException;
}
