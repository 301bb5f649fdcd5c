package io.github.fgtools.functiongraph.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Test inputs and ways to read what the packager wrote that do not depend on the library that wrote it: the JDK's
 * readers, and {@link #rawEntries}, which reads the headers byte by byte.
 */
final class ZipFixtures {
    private ZipFixtures() {
    }

    /** A real jar (made by java.util.zip) with one entry of random bytes, so it is not compressible. */
    static Path jar(Path dir, String name, int payloadBytes, long seed) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[64 * 1024];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\r\n\r\n".getBytes("UTF-8"));
            out.putNextEntry(new ZipEntry("data.bin"));
            for (int left = payloadBytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
        return jar;
    }

    static List<String> centralDirectoryNames(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            zf.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    /** Name to content, read by the streaming reader (which insists on consistent local headers). */
    static Map<String, byte[]> streamedContents(Path zip) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                contents.put(e.getName(), in.readAllBytes());
            }
        }
        return contents;
    }

    static String hex(String algorithm, Path file) throws Exception {
        return HexFormat.of().formatHex(digest(algorithm, file));
    }

    static String base64(String algorithm, Path file) throws Exception {
        return Base64.getEncoder().encodeToString(digest(algorithm, file));
    }

    private static byte[] digest(String algorithm, Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes("UTF-8"));
        }
    }

    /** One entry as its central directory header and local header say, field by field. */
    record RawEntry(String name, int versionMadeBy, int versionNeeded, int flags, int method, int dosTime, int dosDate,
            long crc, long compressedSize, long size, int centralExtraLength, int commentLength, int internalAttributes,
            long externalAttributes, long localHeaderOffset, int localVersionNeeded, int localFlags,
            int localDosTime, int localDosDate, long localCrc, long localCompressedSize, long localSize,
            int localExtraLength) {

        LocalDateTime time() {
            return LocalDateTime.of((dosDate >> 9) + 1980, (dosDate >> 5) & 0xF, dosDate & 0x1F,
                    dosTime >> 11, (dosTime >> 5) & 0x3F, (dosTime & 0x1F) * 2);
        }

        int unixMode() {
            return (int) (externalAttributes >>> 16);
        }
    }

    /** The end of central directory record and, when present, the ZIP64 one. */
    record End(long entries, long centralSize, long centralOffset, boolean zip64, int classicCount) {
    }

    static End end(byte[] zip) {
        int eocd = zip.length - 22; // the packager writes no archive comment
        check(u32(zip, eocd) == 0x06054b50L, "end of central directory record at " + eocd);
        int classicCount = u16(zip, eocd + 10);
        int locator = eocd - 20;
        boolean zip64 = locator >= 0 && u32(zip, locator) == 0x07064b50L;
        if (!zip64) {
            check(classicCount == u16(zip, eocd + 8), "entry counts agree");
            return new End(classicCount, u32(zip, eocd + 12), u32(zip, eocd + 16), false, classicCount);
        }
        int record = (int) u64(zip, locator + 8);
        check(u32(zip, record) == 0x06064b50L, "ZIP64 end of central directory record at " + record);
        check(record + 56 == locator, "ZIP64 end record directly before its locator");
        return new End(u64(zip, record + 32), u64(zip, record + 40), u64(zip, record + 48), true, classicCount);
    }

    static List<RawEntry> rawEntries(Path zip) throws IOException {
        return rawEntries(Files.readAllBytes(zip));
    }

    static List<RawEntry> rawEntries(byte[] b) {
        End end = end(b);
        List<RawEntry> entries = new ArrayList<>();
        int p = (int) end.centralOffset();
        for (long i = 0; i < end.entries(); i++) {
            check(u32(b, p) == 0x02014b50L, "central directory header at " + p);
            int nameLength = u16(b, p + 28);
            int extraLength = u16(b, p + 30);
            int commentLength = u16(b, p + 32);
            String name = new String(b, p + 46, nameLength, StandardCharsets.UTF_8);
            int local = (int) u32(b, p + 42);
            check(u32(b, local) == 0x04034b50L, "local header of " + name + " at " + local);
            check(new String(b, local + 30, u16(b, local + 26), StandardCharsets.UTF_8).equals(name),
                    "same name in local header: " + name);
            entries.add(new RawEntry(name, u16(b, p + 4), u16(b, p + 6), u16(b, p + 8), u16(b, p + 10),
                    u16(b, p + 12), u16(b, p + 14), u32(b, p + 16), u32(b, p + 20), u32(b, p + 24), extraLength,
                    commentLength, u16(b, p + 36), u32(b, p + 38), local, u16(b, local + 4), u16(b, local + 6),
                    u16(b, local + 10), u16(b, local + 12), u32(b, local + 14), u32(b, local + 18),
                    u32(b, local + 22), u16(b, local + 28)));
            p += 46 + nameLength + extraLength + commentLength;
        }
        check(p == end.centralOffset() + end.centralSize(), "central directory size");
        return entries;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Malformed zip: " + what);
        }
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int p) {
        return u32(b, p) | u32(b, p + 4) << 32;
    }
}
