package io.github.fgtools.functiongraph.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

/** Test inputs and independent ways to read what the packager wrote. */
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
}
