package io.github.fgtools.functiongraph.packaging;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: a throughput check to run by hand (or from {@code src/bench/run.sh}), with a small heap to show that
 * nothing holds a package in memory:
 * {@code java -Xmx32m -cp target/classes:target/test-classes:<runtime class path> io.github.fgtools.functiongraph.packaging.PackagingThroughput}
 *
 * <p>Part 1: a 45 MB incompressible function jar and five dependency jars, zipped three times, and copied. Part 2:
 * what DEFLATED would cost for those already-compressed jars. Part 3: 300 MB packages, the most FunctionGraph takes
 * through OBS: a zip of a 300 MB sparse jar (STORED, read twice: CRC, then copy) and a zip of a directory holding
 * a 300 MB sparse file (DEFLATED). The peak heap printed at the end stays far below 300 MB.
 */
public final class PackagingThroughput {
    private static final long MB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fg-throughput");
        try {
            run(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir) throws Exception {
        Path functionJar = ZipFixtures.jar(dir.resolve("target"), "big-function-1.0.jar", 45 * 1024 * 1024, 1);
        List<Path> deps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deps.add(ZipFixtures.jar(dir.resolve("repo/" + i), "dep-" + i + ".jar", (i + 1) * 1024 * 1024, 10 + i));
        }
        long input = Files.size(functionJar);
        for (Path d : deps) {
            input += Files.size(d);
        }
        System.out.printf("max heap %d MB, input %.1f MB (function jar %.1f MB + %d deps)%n",
                Runtime.getRuntime().maxMemory() / MB, input / (double) MB, Files.size(functionJar) / (double) MB,
                deps.size());
        long time = Timestamps.parseOutputTimestamp("2026-11-28T00:00:00Z");
        CodePackager packager = new CodePackager();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            CodePackage zip = packager.zip(functionJar, deps, dir.resolve("out/fn-" + run + ".zip"), time);
            long t1 = System.nanoTime();
            CodePackage jar = packager.copyJar(functionJar, dir.resolve("out/fn-" + run + ".jar"));
            long t2 = System.nanoTime();
            System.out.printf("run %d: zip %.1f MB in %d ms (sha256 %s...), copyJar %.1f MB in %d ms%n", run,
                    zip.size() / (double) MB, (t1 - t0) / 1_000_000, zip.sha256Hex().substring(0, 16),
                    jar.size() / (double) MB, (t2 - t1) / 1_000_000);
        }

        // What DEFLATED would cost for the already-compressed jars (same writer, no digests, no file)
        for (boolean store : new boolean[] {true, false}) {
            long[] bytes = new long[1];
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            };
            long t0 = System.nanoTime();
            try (ReproducibleZipWriter writer = new ReproducibleZipWriter(counting, time)) {
                writer.addFile(functionJar.getFileName().toString(), functionJar, store,
                        ReproducibleZipWriter.FILE_MODE);
                for (Path d : deps) {
                    writer.addFile(d.getFileName().toString(), d, store, ReproducibleZipWriter.FILE_MODE);
                }
                writer.finish();
            }
            System.out.printf("  %s: %.2f MB in %d ms%n", store ? "STORED" : "DEFLATED (default level)",
                    bytes[0] / (double) MB, (System.nanoTime() - t0) / 1_000_000);
        }

        // 300 MB packages
        Path sparseJar = sparse(dir.resolve("big/huge-1.0.jar"), 300 * MB);
        long t0 = System.nanoTime();
        CodePackage storedZip = packager.zip(sparseJar, Collections.emptyList(), dir.resolve("out/huge.zip"), time);
        long t1 = System.nanoTime();
        System.out.printf("300 MB sparse jar, zip (STORED): %.1f MB in %d ms, sha256 %s...%n",
                storedZip.size() / (double) MB, (t1 - t0) / 1_000_000, storedZip.sha256Hex().substring(0, 16));
        Files.delete(storedZip.file());
        sparse(dir.resolve("code/data.bin"), 300 * MB);
        Files.writeString(dir.resolve("code/index.js"), "exports.handler = async () => 'ok';\n");
        t0 = System.nanoTime();
        CodePackage deflatedZip = packager.zipDirectory(dir.resolve("code"), dir.resolve("out/code.zip"), time);
        t1 = System.nanoTime();
        System.out.printf("300 MB sparse file, zipDirectory (DEFLATED): %.2f MB in %d ms, sha256 %s...%n",
                deflatedZip.size() / (double) MB, (t1 - t0) / 1_000_000, deflatedZip.sha256Hex().substring(0, 16));

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap used %d MB (sum of the heap pools' peaks) of max %d MB%n", peak / MB,
                Runtime.getRuntime().maxMemory() / MB);
    }

    private static Path sparse(Path file, long size) throws Exception {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }
}
