package io.github.fgtools.functiongraph.packaging;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Not a test: a throughput check to run by hand, ideally with a small heap to show nothing holds a package in memory:
 * {@code java -Xmx32m -cp target/classes:target/test-classes io.github.fgtools.functiongraph.packaging.PackagingThroughput}
 */
public final class PackagingThroughput {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fg-throughput");
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
                Runtime.getRuntime().maxMemory() >> 20, input / 1048576.0, Files.size(functionJar) / 1048576.0,
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
                    zip.size() / 1048576.0, (t1 - t0) / 1_000_000, zip.sha256Hex().substring(0, 16),
                    jar.size() / 1048576.0, (t2 - t1) / 1_000_000);
        }
        // What DEFLATED would cost for the already-compressed jars (same writer, same digesting-free sink)
        for (int level : new int[] {Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION}) {
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
                ZipWriter writer = new ZipWriter(counting, time, level);
                writer.addFile(functionJar.getFileName().toString(), functionJar, store, ZipWriter.FILE_MODE);
                for (Path d : deps) {
                    writer.addFile(d.getFileName().toString(), d, store, ZipWriter.FILE_MODE);
                }
                writer.finish();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("  %s%s: %.2f MB in %d ms%n", store ? "STORED" : "DEFLATED level ",
                        store ? "" : Integer.toString(level), bytes[0] / 1048576.0, ms);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used at end %d MB of max %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
