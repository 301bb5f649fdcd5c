package io.github.fgtools.functiongraph.client;

import java.io.IOException;
import java.io.OutputStream;

/** A small body held in memory (an invocation's payload). */
public final class BytesBody implements RequestBody {
    private final byte[] bytes;
    private final String contentType;

    public BytesBody(byte[] bytes, String contentType) {
        this.bytes = bytes.clone();
        this.contentType = contentType;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public String sha256Hex() {
        return Digests.sha256Hex(bytes);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }
}
