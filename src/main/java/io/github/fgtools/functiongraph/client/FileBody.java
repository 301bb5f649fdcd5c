package io.github.fgtools.functiongraph.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file sent as is (the OBS upload), streamed. */
public final class FileBody implements RequestBody {
    private final Path file;
    private final long length;
    private final String contentType;
    private final String sha256Hex;

    /** {@code sha256Hex} may be known already (the packager computes it); else it is computed by a streaming pass. */
    public FileBody(Path file, String contentType, String sha256Hex) throws IOException {
        this.file = file;
        this.length = Files.size(file);
        this.contentType = contentType;
        this.sha256Hex = sha256Hex;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String sha256Hex() throws IOException {
        return sha256Hex != null ? sha256Hex : Digests.sha256Hex(file);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }
}
