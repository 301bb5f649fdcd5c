package io.github.fgtools.functiongraph.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A code package written by {@link CodePackager}: the file, its FunctionGraph code type and its digests, all computed
 * while the file was written. Immutable.
 */
public final class CodePackage {
    /** {@link #type()} of a package that is the project's jar as is. */
    public static final String TYPE_JAR = "jar";
    /** {@link #type()} of a zip package. */
    public static final String TYPE_ZIP = "zip";

    private final Path file;
    private final String type;
    private final long size;
    private final String sha256Hex;
    private final String sha512Hex;
    private final String md5Base64;

    CodePackage(Path file, String type, long size, String sha256Hex, String sha512Hex, String md5Base64) {
        this.file = Objects.requireNonNull(file, "file");
        this.type = Objects.requireNonNull(type, "type");
        this.size = size;
        this.sha256Hex = Objects.requireNonNull(sha256Hex, "sha256Hex");
        this.sha512Hex = Objects.requireNonNull(sha512Hex, "sha512Hex");
        this.md5Base64 = Objects.requireNonNull(md5Base64, "md5Base64");
    }

    /** The package file (absolute, normalized). */
    public Path file() {
        return file;
    }

    /** {@value #TYPE_JAR} or {@value #TYPE_ZIP}: the FunctionGraph {@code code_type} of an inline upload. */
    public String type() {
        return type;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** SHA-256 of the file, lowercase hex (64 characters). */
    public String sha256Hex() {
        return sha256Hex;
    }

    /** SHA-512 of the file, lowercase hex (128 characters). */
    public String sha512Hex() {
        return sha512Hex;
    }

    /** MD5 of the file, Base64 of the 16 raw bytes: the value of an OBS {@code Content-MD5} header. */
    public String md5Base64() {
        return md5Base64;
    }

    /** The file's name, such as {@code my-function.zip}. */
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CodePackage)) {
            return false;
        }
        CodePackage that = (CodePackage) o;
        return size == that.size && file.equals(that.file) && type.equals(that.type)
                && sha256Hex.equals(that.sha256Hex) && sha512Hex.equals(that.sha512Hex)
                && md5Base64.equals(that.md5Base64);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, type, size, sha256Hex);
    }

    @Override
    public String toString() {
        return "CodePackage[" + file + ", " + type + ", " + size + " bytes, sha256 " + sha256Hex + "]";
    }
}
