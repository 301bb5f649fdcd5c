package io.github.fgtools.functiongraph.packaging;

import static io.github.fgtools.functiongraph.packaging.ZipFixtures.base64;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.centralDirectoryNames;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.hex;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.jar;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.rawEntries;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.streamedContents;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.fgtools.functiongraph.packaging.ZipFixtures.RawEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodePackagerTest {
    private static final long TIME = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private final CodePackager packager = new CodePackager();
    private Path functionJar;
    private List<Path> deps;

    @BeforeEach
    void inputs() throws IOException {
        functionJar = jar(tmp.resolve("target"), "my-function-1.0.jar", 20_000, 1);
        deps = Arrays.asList(
                jar(tmp.resolve("repo/org/zeta"), "zeta-3.1.jar", 5_000, 2),
                jar(tmp.resolve("repo/com/alpha"), "alpha-1.0.jar", 7_000, 3),
                jar(tmp.resolve("repo/io/netty"), "netty-common-4.1.jar", 9_000, 4));
    }

    @Test
    void zipIsByteIdenticalAcrossRunsAndDependencyOrder() throws Exception {
        CodePackage first = packager.zip(functionJar, deps, tmp.resolve("out1/fn.zip"), TIME);
        List<Path> reversed = new ArrayList<>(deps);
        Collections.reverse(reversed);
        // a later build touches the inputs: file times must not matter
        for (Path p : reversed) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2031-05-05T05:05:05Z")));
        }
        CodePackage second = packager.zip(functionJar, reversed, tmp.resolve("out2/fn.zip"), TIME);

        assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
        assertThat(second.sha256Hex()).isEqualTo(first.sha256Hex());
        assertThat(packager.zip(functionJar, deps, tmp.resolve("out3/fn.zip"), TIME + 2000).sha256Hex())
                .as("a different entry time is a different package")
                .isNotEqualTo(first.sha256Hex());
    }

    @Test
    void zipIsFlatSortedStoredAndReadable() throws Exception {
        CodePackage pkg = packager.zip(functionJar, deps, tmp.resolve("out/fn.zip"), TIME);

        assertThat(pkg.type()).isEqualTo("zip");
        assertThat(pkg.fileName()).isEqualTo("fn.zip");
        assertThat(centralDirectoryNames(pkg.file()))
                .containsExactly("alpha-1.0.jar", "my-function-1.0.jar", "netty-common-4.1.jar", "zeta-3.1.jar");
        Map<String, byte[]> streamed = streamedContents(pkg.file());
        assertThat(streamed.keySet())
                .containsExactly("alpha-1.0.jar", "my-function-1.0.jar", "netty-common-4.1.jar", "zeta-3.1.jar");
        assertThat(streamed.get("my-function-1.0.jar")).isEqualTo(Files.readAllBytes(functionJar));
        for (Path dep : deps) {
            assertThat(streamed.get(dep.getFileName().toString())).isEqualTo(Files.readAllBytes(dep));
        }
        try (ZipFile zf = new ZipFile(pkg.file().toFile())) {
            for (ZipEntry e : Collections.list(zf.entries())) {
                assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getExtra()).as(e.getName()).isNull();
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.parse("2026-11-28T00:00:00"));
                assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(
                        LocalDateTime.parse("2026-11-28T00:00:00").atZone(TimeZone.getDefault().toZoneId())
                                .toInstant());
            }
        }
        try (org.apache.commons.compress.archivers.zip.ZipFile zf =
                org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(pkg.file()).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                assertThat(e.getUnixMode()).as(e.getName()).isEqualTo(0100644);
                assertThat(e.getExtraFields(true)).as(e.getName()).isEmpty();
            }
        }
        for (RawEntry e : rawEntries(pkg.file())) {
            assertThat(e.versionMadeBy()).as("made by Unix").isEqualTo(0x0314);
            assertThat(e.flags()).as("UTF-8 names, no data descriptor").isEqualTo(0x0800);
            assertThat(e.centralExtraLength() + e.localExtraLength()).isZero();
            assertThat(e.time()).isEqualTo(LocalDateTime.parse("2026-11-28T00:00:00"));
        }
        assertThat(ZipFixtures.end(Files.readAllBytes(pkg.file())).zip64()).isFalse();
    }

    @Test
    void sameBytesAsThePreviousHandWrittenWriter() throws Exception {
        // STORED entries only, so the bytes do not depend on the JDK's zlib. The digest is what the hand-written
        // ZipWriter (replaced by Commons Compress) produced for the same input.
        Path dir = tmp.resolve("code");
        byte[] jar = new byte[10_000];
        for (int i = 0; i < jar.length; i++) {
            jar[i] = (byte) (i % 251);
        }
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/a-1.0.jar"), jar);
        Files.write(dir.resolve("logo.png"), "PNG".repeat(100).getBytes(StandardCharsets.US_ASCII));
        Files.createFile(dir.resolve("empty.txt"));
        Files.createFile(dir.resolve("bootstrap"));
        Files.createDirectories(dir.resolve("docs/empty"));
        Files.createDirectories(dir.resolve("ü"));
        Files.write(dir.resolve("ü/日本.zip"), new byte[] {'P', 'K', 5, 6});
        long time = Instant.parse("2026-11-28T13:14:15Z").toEpochMilli();

        CodePackage pkg = packager.zipDirectory(dir, tmp.resolve("out/code.zip"), time);

        assertThat(centralDirectoryNames(pkg.file())).containsExactly("bootstrap", "docs/", "docs/empty/",
                "empty.txt", "lib/", "lib/a-1.0.jar", "logo.png", "ü/", "ü/日本.zip");
        assertThat(pkg.sha256Hex()).isEqualTo("603a8dc174cce4ffb6ce4c3ccfdeb403b16bd38163686bed32affd29f90c4d4f");
    }

    @Test
    void zipDoesNotDependOnTimeZoneOrLocale() throws Exception {
        // 01:30 on 2026-03-29 exists in all these zones, and lies an hour before the Berlin gap, where plexus-archiver's
        // shift by the offset at the UTC instant would write 00:30
        long nearGap = Instant.parse("2026-03-29T01:30:00Z").toEpochMilli();
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        Map<String, String> digests = new HashMap<>();
        try {
            for (String id : new String[] {"UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Europe/Berlin",
                "Asia/Kathmandu"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                Locale.setDefault(new Locale("tr", "TR"));
                CodePackage pkg = packager.zip(functionJar, deps, tmp.resolve(id.replace('/', '_') + "/fn.zip"),
                        nearGap);
                digests.put(id, pkg.sha256Hex());
                try (ZipFile zf = new ZipFile(pkg.file().toFile())) {
                    assertThat(zf.getEntry("alpha-1.0.jar").getTimeLocal())
                            .as(id).isEqualTo(LocalDateTime.parse("2026-03-29T01:30:00"));
                }
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertThat(digests.values()).hasSize(5).containsOnly(digests.get("UTC"));
    }

    @Test
    void anEntryTimeInTheDefaultZonesDaylightSavingGapIsShiftedByTheGap() throws Exception {
        // 02:30 on 2026-03-29 does not exist in Berlin (clocks jump from 02:00 to 03:00)
        long inGap = Instant.parse("2026-03-29T02:30:00Z").toEpochMilli();
        TimeZone zone = TimeZone.getDefault();
        Map<String, String> digests = new HashMap<>();
        Map<String, LocalDateTime> times = new HashMap<>();
        try {
            for (String id : new String[] {"UTC", "Asia/Shanghai", "Europe/Berlin", "Europe/Paris"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                for (int run = 1; run <= 2; run++) {
                    CodePackage pkg = packager.zip(functionJar, deps,
                            tmp.resolve(id.replace('/', '_') + run + "/fn.zip"), inGap);
                    assertThat(digests.putIfAbsent(id, pkg.sha256Hex())).as(id + ", run " + run)
                            .isIn(null, pkg.sha256Hex());
                    times.put(id, ZipFixtures.rawEntries(pkg.file()).get(0).time());
                }
            }
        } finally {
            TimeZone.setDefault(zone);
        }
        assertThat(times).containsEntry("UTC", LocalDateTime.parse("2026-03-29T02:30"))
                .containsEntry("Asia/Shanghai", LocalDateTime.parse("2026-03-29T02:30"))
                .containsEntry("Europe/Berlin", LocalDateTime.parse("2026-03-29T03:30"))
                .containsEntry("Europe/Paris", LocalDateTime.parse("2026-03-29T03:30"));
        assertThat(digests.get("Asia/Shanghai")).isEqualTo(digests.get("UTC"));
        assertThat(digests.get("Europe/Paris")).isEqualTo(digests.get("Europe/Berlin"))
                .isNotEqualTo(digests.get("UTC"));
    }

    @Test
    void zipIsTheSameInAnotherJvmWithAnotherDefaultTimeZone() throws Exception {
        String here = packager.zip(functionJar, deps, tmp.resolve("here/fn.zip"), TIME).sha256Hex();
        for (String zone : new String[] {"Pacific/Chatham", "America/St_Johns"}) {
            Path out = tmp.resolve("child-" + zone.replace('/', '_') + "/fn.zip");
            List<String> command = new ArrayList<>(Arrays.asList(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=" + zone, "-Duser.language=ja", "-Duser.country=JP",
                    "-cp", System.getProperty("java.class.path"),
                    ZipInChildJvm.class.getName(), out.toString(), Long.toString(TIME), functionJar.toString()));
            deps.forEach(d -> command.add(d.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes()).trim();
            assertThat(child.waitFor()).as(output).isZero();
            assertThat(output).isEqualTo(zone + " " + here);
        }
    }

    @Test
    void duplicateFileNamesAreRejectedNamingBothPaths() throws IOException {
        Path other = jar(tmp.resolve("repo/org/other"), "alpha-1.0.jar", 100, 9);
        List<Path> withDuplicate = new ArrayList<>(deps);
        withDuplicate.add(other);
        Path out = tmp.resolve("out/fn.zip");

        assertThatThrownBy(() -> packager.zip(functionJar, withDuplicate, out, TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'alpha-1.0.jar'")
                .hasMessageContaining(deps.get(1).toString())
                .hasMessageContaining(other.toString());
        Path clash = jar(tmp.resolve("repo/x"), "my-function-1.0.jar", 100, 10);
        assertThatThrownBy(() -> packager.zip(functionJar, Collections.singletonList(clash), out, TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(functionJar.toString())
                .hasMessageContaining(clash.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void missingOrDirectoryInputsAreRejected() throws IOException {
        Path out = tmp.resolve("out/fn.zip");
        Path classes = Files.createDirectories(tmp.resolve("module/target/classes"));
        assertThatThrownBy(() -> packager.zip(functionJar, Collections.singletonList(classes), out, TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(classes.toString())
                .hasMessageContaining("directory");
        Path missing = tmp.resolve("nope.jar");
        assertThatThrownBy(() -> packager.zip(missing, deps, out, TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> packager.zip(functionJar, deps, out, Instant.parse("1979-06-01T00:00:00Z")
                .toEpochMilli()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1980");
        assertThat(out.getParent()).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void digestsMatchAnIndependentReadOfTheFile() throws Exception {
        Path dir = tmp.resolve("code");
        write(dir.resolve("index.py"), "def handler(event, context):\n    return 'hi'\n");
        for (CodePackage pkg : new CodePackage[] {
            packager.zip(functionJar, deps, tmp.resolve("out/fn.zip"), TIME),
            packager.zipDirectory(dir, tmp.resolve("out/py.zip"), TIME),
            packager.copyJar(functionJar, tmp.resolve("out/fn.jar")),
        }) {
            assertThat(pkg.size()).isEqualTo(Files.size(pkg.file()));
            assertThat(pkg.sha256Hex()).isEqualTo(hex("SHA-256", pkg.file())).hasSize(64);
            assertThat(pkg.sha512Hex()).isEqualTo(hex("SHA-512", pkg.file())).hasSize(128);
            assertThat(pkg.md5Base64()).isEqualTo(base64("MD5", pkg.file())).hasSize(24);
        }
    }

    @Test
    void copyJarCopiesTheArtifactAsIs() throws Exception {
        CodePackage pkg = packager.copyJar(functionJar, tmp.resolve("target/functiongraph/fn.jar"));

        assertThat(pkg.type()).isEqualTo("jar");
        assertThat(pkg.fileName()).isEqualTo("fn.jar");
        assertThat(pkg.file()).isAbsolute();
        assertThat(Files.readAllBytes(pkg.file())).isEqualTo(Files.readAllBytes(functionJar));
        assertThat(pkg.sha256Hex()).isEqualTo(hex("SHA-256", functionJar));
        assertThat(pkg.sha512Hex()).isEqualTo(hex("SHA-512", functionJar));
        assertThat(pkg.md5Base64()).isEqualTo(base64("MD5", functionJar));
        assertThat(pkg.size()).isEqualTo(Files.size(functionJar));
    }

    @Test
    void copyJarRejectsWhatIsNotAJarAndKeepsThePreviousPackage() throws IOException {
        Path out = tmp.resolve("out/fn.jar");
        write(out, "previous package");
        Path pom = tmp.resolve("pom.xml");
        write(pom, "<project/>");

        assertThatThrownBy(() -> packager.copyJar(pom, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pom + " is not a jar");
        assertThat(out).hasContent("previous package");
        assertThat(out.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFailedWriteLeavesNeitherAPartialPackageNorATemporaryFile() throws IOException {
        Path out = tmp.resolve("out/fn.zip");
        write(out, "previous package");

        assertThatThrownBy(() -> packager.writeAtomically(out, "zip", stream -> {
            stream.write(new byte[200_000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(out).hasContent("previous package");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void zipDirectoryIsSortedReproducibleAndKeepsExecutableBits() throws Exception {
        Path dir = tmp.resolve("code");
        write(dir.resolve("index.js"), "exports.handler = async () => 'ok';\n");
        write(dir.resolve("bootstrap"), "#!/bin/sh\nexec node index.js\n");
        write(dir.resolve("a-b.txt"), "dash");
        write(dir.resolve("a/x.txt"), "in a");
        write(dir.resolve("lib/util.js"), "module.exports = {};\n".repeat(50));
        write(dir.resolve("node_modules/tool/cli.js"), "#!/usr/bin/env node\n");
        Files.createDirectories(dir.resolve("assets"));
        Files.write(dir.resolve("assets/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.createDirectories(dir.resolve("lib/empty"));
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir.resolve("node_modules/tool/cli.js"),
                    PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("node_modules/.bin"));
            Files.createSymbolicLink(dir.resolve("node_modules/.bin/tool"), Path.of("../tool/cli.js"));
        }

        CodePackage first = packager.zipDirectory(dir, tmp.resolve("out1/node.zip"), TIME);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            }
        }
        CodePackage second = packager.zipDirectory(dir, tmp.resolve("out2/node.zip"), TIME);
        assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
        assertThat(first.type()).isEqualTo("zip");

        List<String> names = centralDirectoryNames(first.file());
        List<String> expected = new ArrayList<>(Arrays.asList("a-b.txt", "a/", "a/x.txt", "assets/",
                "assets/logo.png", "bootstrap", "index.js", "lib/", "lib/empty/", "lib/util.js", "node_modules/",
                "node_modules/tool/", "node_modules/tool/cli.js"));
        if (posix) {
            expected.addAll(11, Arrays.asList("node_modules/.bin/", "node_modules/.bin/tool"));
        }
        assertThat(names).containsExactlyElementsOf(expected);
        assertThat(names).isSorted();

        Map<String, byte[]> contents = streamedContents(first.file());
        assertThat(new String(contents.get("lib/util.js"), "UTF-8")).isEqualTo("module.exports = {};\n".repeat(50));
        if (posix) {
            assertThat(contents.get("node_modules/.bin/tool"))
                    .as("the link is followed").isEqualTo(Files.readAllBytes(dir.resolve("node_modules/tool/cli.js")));
        }
        Map<String, Integer> modes = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile zf =
                org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(first.file()).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                modes.put(e.getName(), e.getUnixMode());
                methods.put(e.getName(), e.getMethod());
                assertThat(e.getExtraFields(true)).as(e.getName()).isEmpty();
                assertThat(e.isUnixSymlink()).as(e.getName()).isFalse();
            }
        }
        assertThat(modes.get("index.js")).isEqualTo(0100644);
        assertThat(modes.get("bootstrap")).as("custom runtime entry point").isEqualTo(0100755);
        assertThat(modes.get("lib/empty/")).isEqualTo(040755);
        if (posix) {
            assertThat(modes.get("node_modules/tool/cli.js")).isEqualTo(0100755);
        }
        assertThat(methods.get("lib/util.js")).isEqualTo(ZipEntry.DEFLATED);
        assertThat(methods.get("assets/logo.png")).isEqualTo(ZipEntry.STORED);
    }

    @Test
    void zipDirectoryRejectsLinkLoopsBrokenLinksAndAnOutputInsideIt() throws IOException {
        Path dir = tmp.resolve("code");
        write(dir.resolve("main.py"), "x = 1\n");
        assertThatThrownBy(() -> packager.zipDirectory(dir, dir.resolve("dist/code.zip"), TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the code directory");
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        assertThatThrownBy(() -> packager.zipDirectory(empty.getParent(), tmp.resolve("out/e.zip"), TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains no files");
        assertThatThrownBy(() -> packager.zipDirectory(dir.resolve("main.py"), tmp.resolve("out/e.zip"), TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");

        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path loop = Files.createSymbolicLink(dir.resolve("sub-loop"), Path.of("."));
        assertThatThrownBy(() -> packager.zipDirectory(dir, tmp.resolve("out/loop.zip"), TIME))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("link loop");
        Files.delete(loop);
        Files.createSymbolicLink(dir.resolve("gone"), Path.of("no-such-file"));
        assertThatThrownBy(() -> packager.zipDirectory(dir, tmp.resolve("out/broken.zip"), TIME))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Broken symbolic link")
                .hasMessageContaining("gone");
        assertThat(tmp.resolve("out")).isEmptyDirectory();
    }

    @Test
    void zipDirectoryLeavesOutMavensDefaultExcludes() throws Exception {
        Path dir = tmp.resolve("code");
        write(dir.resolve("index.js"), "exports.handler = async () => 'ok';\n");
        write(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        write(dir.resolve(".git/objects/ab/cdef"), "x");
        write(dir.resolve(".gitignore"), "node_modules/\n"); // not a default exclude
        write(dir.resolve(".DS_Store"), "x");
        write(dir.resolve("notes.txt~"), "backup");
        write(dir.resolve("sub/.svn/entries"), "12");
        write(dir.resolve("sub/keep.txt"), "kept");
        write(dir.resolve("._index.js"), "AppleDouble");
        write(dir.resolve("#index.js#"), "emacs");

        CodePackage pkg = packager.zipDirectory(dir, tmp.resolve("out/code.zip"), TIME);

        assertThat(centralDirectoryNames(pkg.file()))
                .containsExactly(".gitignore", "index.js", "sub/", "sub/keep.txt");
        assertThat(packager.zipDirectory(dir, null, Collections.emptyList(), tmp.resolve("out/same.zip"), TIME)
                .sha256Hex()).as("null includes and empty excludes are the 3-argument form").isEqualTo(pkg.sha256Hex());
    }

    @Test
    void zipDirectoryWithIncludesAndExcludes() throws Exception {
        Path dir = tmp.resolve("code");
        write(dir.resolve("index.js"), "exports.handler = async () => 'ok';\n");
        write(dir.resolve("README.md"), "# fn\n");
        write(dir.resolve("lib/util.js"), "module.exports = {};\n");
        write(dir.resolve("lib/util.test.js"), "test();\n");
        write(dir.resolve("node_modules/x/index.js"), "module.exports = 1;\n");
        write(dir.resolve("node_modules/.cache/junk.js"), "junk");
        write(dir.resolve(".git/hooks/pre-commit.js"), "hook");
        Files.createDirectories(dir.resolve("docs/empty"));
        Files.createDirectories(dir.resolve("other/empty"));
        Path out = tmp.resolve("out/code.zip");

        CodePackage pkg = packager.zipDirectory(dir, Arrays.asList("**/*.js", "docs/", " ", null),
                Arrays.asList("**/*.test.js", "node_modules\\.cache\\"), out, TIME);

        assertThat(centralDirectoryNames(pkg.file())).as("directories holding an entry are entries too")
                .containsExactly("docs/", "docs/empty/", "index.js", "lib/", "lib/util.js", "node_modules/",
                        "node_modules/x/", "node_modules/x/index.js");
        CodePackage again = packager.zipDirectory(dir, Arrays.asList("docs/", "**/*.js"),
                Arrays.asList("node_modules/.cache/**", "**/*.test.js"), tmp.resolve("out/again.zip"), TIME);
        assertThat(again.sha256Hex()).as("pattern order does not matter").isEqualTo(pkg.sha256Hex());

        assertThatThrownBy(() -> packager.zipDirectory(dir, Collections.singletonList("**/*.py"),
                Collections.singletonList("lib/**"), tmp.resolve("out/none.zip"), TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains no files matching includes [**/*.py] and excludes [lib/**]")
                .hasMessageContaining("default excludes");
    }

    @Test
    void zipDirectoryChecksOnlyTheLinksAndSpecialFilesItWouldPackage() throws Exception {
        Path dir = tmp.resolve("code");
        write(dir.resolve("main.py"), "x = 1\n");
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Files.createSymbolicLink(dir.resolve("gone.py"), Path.of("no-such-file"));
        Files.createDirectories(dir.resolve("cache"));
        Files.createSymbolicLink(dir.resolve("cache/loop"), Path.of(".."));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("cache/fifo").toString()).start();
        assumeThat(mkfifo.waitFor()).isZero();

        CodePackage pkg = packager.zipDirectory(dir, null, Arrays.asList("gone.py", "cache/"),
                tmp.resolve("out/ok.zip"), TIME);
        assertThat(centralDirectoryNames(pkg.file())).containsExactly("main.py");

        assertThatThrownBy(() -> packager.zipDirectory(dir, null, Collections.singletonList("cache/"),
                tmp.resolve("out/broken.zip"), TIME))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Broken symbolic link")
                .hasMessageContaining("gone.py");
        assertThatThrownBy(() -> packager.zipDirectory(dir, null, Arrays.asList("gone.py", "cache/loop"),
                tmp.resolve("out/fifo.zip"), TIME))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not a regular file")
                .hasMessageContaining("fifo");
        assertThatThrownBy(() -> packager.zipDirectory(dir, null, Arrays.asList("gone.py", "cache/fifo"),
                tmp.resolve("out/loop.zip"), TIME))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("link loop")
                .hasMessageContaining("loop");
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertThat(files).as("failures leave nothing behind").extracting(p -> p.getFileName().toString())
                    .containsExactly("ok.zip");
        }
    }

    @Test
    void zipDirectoryOf20000FilesIsCompleteSortedAndHasNoZip64Records() throws Exception {
        Path dir = tmp.resolve("many");
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < 100; d++) {
            Path sub = Files.createDirectories(dir.resolve(String.format("d%02d", d)));
            expected.add(sub.getFileName() + "/");
            for (int f = 0; f < 200; f++) {
                String name = String.format("f%03d.txt", f);
                Files.writeString(sub.resolve(name), d + "/" + f);
                expected.add(sub.getFileName() + "/" + name);
            }
        }
        Collections.sort(expected);

        CodePackage first = packager.zipDirectory(dir, tmp.resolve("out/many.zip"), TIME);

        List<RawEntry> entries = rawEntries(first.file());
        assertThat(entries).hasSize(20_100).extracting(RawEntry::name).containsExactlyElementsOf(expected);
        assertThat(ZipFixtures.end(Files.readAllBytes(first.file())).zip64()).isFalse();
        Map<String, byte[]> streamed = streamedContents(first.file());
        assertThat(streamed).hasSize(20_100);
        assertThat(new String(streamed.get("d42/f123.txt"), StandardCharsets.UTF_8)).isEqualTo("42/123");
        try (ZipFile zf = new ZipFile(first.file().toFile())) {
            assertThat(zf.size()).isEqualTo(20_100);
        }
    }

    @Test
    void packagesLargerThanTheHeapAreStreamed() throws Exception {
        // A child JVM with a 16 MB heap packages 64 MB three ways; holding a package in memory would fail with
        // OutOfMemoryError. (300 MB, the most FunctionGraph takes, is in PackagingThroughput.)
        Path dir = tmp.resolve("large");
        List<String> command = Arrays.asList(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), LargePackagesInChildJvm.class.getName(),
                dir.toString(), Long.toString(64L << 20));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes()).trim();
        assertThat(child.waitFor()).as(output).isZero();

        assertThat(Files.size(dir.resolve("out/fn.jar"))).isEqualTo(64L << 20);
        assertThat(Files.size(dir.resolve("out/fn.zip"))).isGreaterThan(64L << 20);
        try (ZipFile zf = new ZipFile(dir.resolve("out/fn.zip").toFile())) {
            assertThat(zf.getEntry("big-1.0.jar").getSize()).isEqualTo(64L << 20);
            assertThat(zf.getEntry("big-1.0.jar").getMethod()).isEqualTo(ZipEntry.STORED);
        }
        Map<String, byte[]> code = streamedContents(dir.resolve("out/code.zip")); // checks every CRC
        assertThat(code.get("data.bin")).hasSize(64 << 20);
        assertThat(output).contains("fn.zip " + hex("SHA-256", dir.resolve("out/fn.zip")));
    }

    @Test
    void theSameUnderAnotherJdk() throws Exception {
        // Opt-in: mvn test -Dfg.otherJavaHome=/usr/lib/jvm/<another JDK>
        String otherJavaHome = System.getProperty("fg.otherJavaHome");
        assumeThat(otherJavaHome).as("fg.otherJavaHome").isNotBlank();
        Path dir = tmp.resolve("code");
        write(dir.resolve("index.js"), "exports.handler = async (e) => JSON.stringify(e);\n".repeat(500));
        write(dir.resolve("lib/data.json"), "{\"k\": [1, 2, 3]}\n".repeat(2000));
        String here = packager.zip(functionJar, deps, tmp.resolve("here/fn.zip"), TIME).sha256Hex() + " "
                + packager.zipDirectory(dir, tmp.resolve("here/code.zip"), TIME).sha256Hex();
        List<String> command = new ArrayList<>(Arrays.asList(Path.of(otherJavaHome, "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ZipInChildJvm.class.getName(),
                tmp.resolve("there/fn.zip").toString(), Long.toString(TIME), functionJar.toString()));
        deps.forEach(d -> command.add(d.toString()));
        command.add("--dir=" + dir);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes()).trim();
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).endsWith(" " + here);
    }

    /** Zips in a fresh JVM and prints {@code <default zone> <sha256>}. Args: out, time, function jar, deps... */
    public static final class ZipInChildJvm {
        /** With a last argument {@code --dir=<code dir>}, also zips that directory and prints its sha256 too. */
        public static void main(String[] args) throws IOException {
            List<Path> deps = new ArrayList<>();
            Path dir = null;
            for (int i = 3; i < args.length; i++) {
                if (args[i].startsWith("--dir=")) {
                    dir = Path.of(args[i].substring("--dir=".length()));
                } else {
                    deps.add(Path.of(args[i]));
                }
            }
            Path out = Path.of(args[0]);
            long time = Long.parseLong(args[1]);
            CodePackage pkg = new CodePackager().zip(Path.of(args[2]), deps, out, time);
            String line = TimeZone.getDefault().getID() + " " + pkg.sha256Hex();
            if (dir != null) {
                line += " " + new CodePackager().zipDirectory(dir, out.resolveSibling("code.zip"), time).sha256Hex();
            }
            System.out.println(line);
        }
    }

    /** Packages {@code size} bytes as a jar copy, a zip (STORED) and a directory zip (DEFLATED). Args: dir, size. */
    public static final class LargePackagesInChildJvm {
        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            long size = Long.parseLong(args[1]);
            Path jar = dir.resolve("in/big-1.0.jar");
            Files.createDirectories(jar.getParent());
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(jar.toFile(), "rw")) {
                f.write(new byte[] {'P', 'K', 3, 4});
                f.setLength(size); // sparse: zeros
            }
            Path code = Files.createDirectories(dir.resolve("in/code"));
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(code.resolve("data.bin").toFile(), "rw")) {
                f.setLength(size);
            }
            long time = Timestamps.DEFAULT_ENTRY_TIME_MILLIS;
            CodePackager packager = new CodePackager();
            System.out.println("fn.jar " + packager.copyJar(jar, dir.resolve("out/fn.jar")).sha256Hex());
            System.out.println("fn.zip " + packager.zip(jar, new ArrayList<>(), dir.resolve("out/fn.zip"), time)
                    .sha256Hex());
            System.out.println("code.zip " + packager.zipDirectory(code, dir.resolve("out/code.zip"), time)
                    .sha256Hex());
        }
    }
}
