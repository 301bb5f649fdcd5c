package io.github.fgtools.functiongraph.packaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.io.IOUtils;

/**
 * Builds FunctionGraph code packages that are byte-for-byte reproducible: the same inputs and entry time give the
 * same bytes, and so the same digests, on any machine, in any locale and time zone, with any JDK; within the two
 * limits described below: an entry time in a daylight-saving gap of the default time zone, and the JDK's zlib for
 * DEFLATED entries.
 *
 * <p>Rules shared by the zips (written with Commons Compress, see {@code ReproducibleZipWriter}):
 * <ul>
 *   <li>entries sorted by name ({@link String#compareTo}), names UTF-8 with '/' separators;</li>
 *   <li>every entry has the same time: its MS-DOS date and time fields show the given entry time's UTC date and time
 *       (see {@link Timestamps}), whatever the JVM's default time zone. Commons Compress converts through that zone,
 *       so the time given to it is shifted to compensate. One case cannot be compensated: a UTC wall-clock time that
 *       falls in a daylight-saving gap of the default zone (02:30 on the day clocks jump from 02:00 to 03:00) exists
 *       in no instant of that zone; the fields then show that time plus the length of the gap (03:30), so that
 *       package differs from one built in another zone;</li>
 *   <li>no extra fields (no extended timestamps, no uid/gid, no Unicode path fields, ZIP64 fields only where the
 *       format requires them), no comments; made by Unix, with Unix modes: directories 0755, files 0644, or 0755 as
 *       described for {@link #zipDirectory(Path, List, List, Path, long)};</li>
 *   <li>{@code .jar}, {@code .zip} and other already-compressed files, and empty files, are STORED; everything else
 *       is DEFLATED at the default level. A jar gains 1–3% from being deflated again, at many times the cost, and a
 *       STORED entry does not depend on the JDK's zlib, whose output differs between zlib versions and forks. So the
 *       Java zip (all jars) is identical everywhere; a {@link #zipDirectory} package with DEFLATED entries is
 *       identical wherever the JDK's zlib is the same, the same caveat as for any jar Maven builds.</li>
 * </ul>
 * Each package is written to a temporary file beside the target and moved into place when complete, so a failure
 * never leaves a partial package under the target name. Its digests are computed from the bytes as they are written,
 * in the same pass; nothing holds a package in memory.
 */
public final class CodePackager {
    private static final int BUFFER = 64 * 1024;
    private static final String[] STORED_EXTENSIONS = {
        ".jar", ".zip", ".war", ".ear", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".mp3", ".mp4",
    };

    /**
     * The code package is the project's jar as it is (maven-jar-plugin with {@code outputTimestamp} already made it
     * reproducible): copies it to {@code outFile}, digesting it in the same single read.
     *
     * @throws IllegalArgumentException if {@code artifactJar} is not a regular file that starts like a jar
     * @throws IOException when reading or writing fails
     */
    public CodePackage copyJar(Path artifactJar, Path outFile) throws IOException {
        Objects.requireNonNull(artifactJar, "artifactJar");
        requireRegularFile(artifactJar, "The artifact");
        return writeAtomically(outFile, CodePackage.TYPE_JAR, out -> {
            try (InputStream in = Files.newInputStream(artifactJar)) {
                byte[] head = new byte[4];
                int n = IOUtils.read(in, head);
                if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                    throw new IllegalArgumentException("The artifact " + artifactJar
                            + " is not a jar: it does not start with a ZIP local file header");
                }
                out.write(head);
                IOUtils.copy(in, out, BUFFER);
            }
        });
    }

    /**
     * A flat zip, as FunctionGraph documents for Java: the function jar and every dependency jar at the root, each
     * under its file name, all sorted by name together (the function jar is not put first: FunctionGraph puts every
     * jar of the zip on the class path, so order has no meaning to it, and one sort rule is easier to reason about).
     *
     * @param functionJar the project's jar
     * @param dependencyJars the runtime dependencies' files, in any order
     * @param outFile where to write the zip
     * @param entryTimeMillis the entry time, usually {@link Timestamps#parseOutputTimestamp(String)}
     * @throws IllegalArgumentException when an input is missing or a directory, or two inputs have the same file name
     *     (the message names both paths)
     * @throws IOException when reading or writing fails
     */
    public CodePackage zip(Path functionJar, List<Path> dependencyJars, Path outFile, long entryTimeMillis)
            throws IOException {
        Objects.requireNonNull(functionJar, "functionJar");
        Objects.requireNonNull(dependencyJars, "dependencyJars");
        requireRegularFile(functionJar, "The function jar");
        Map<String, Path> byName = new TreeMap<>();
        byName.put(functionJar.getFileName().toString(), functionJar);
        for (Path dependency : dependencyJars) {
            Objects.requireNonNull(dependency, "dependencyJars contains null");
            requireRegularFile(dependency, "The dependency");
            String name = dependency.getFileName().toString();
            Path previous = byName.putIfAbsent(name, dependency);
            if (previous != null) {
                throw new IllegalArgumentException("Two files would both be '" + name
                        + "' at the root of the code package: " + previous + " and " + dependency
                        + ". Exclude one of the dependencies, or rename the project's finalName if one is the"
                        + " function jar.");
            }
        }
        return writeAtomically(outFile, CodePackage.TYPE_ZIP, out -> {
            try (ReproducibleZipWriter zip = new ReproducibleZipWriter(out, entryTimeMillis)) {
                for (Map.Entry<String, Path> e : byName.entrySet()) {
                    Path file = e.getValue();
                    zip.addFile(e.getKey(), file, store(e.getKey(), Files.size(file)),
                            ReproducibleZipWriter.FILE_MODE);
                }
                zip.finish();
            }
        }, entryTimeMillis);
    }

    /**
     * A zip of a whole folder: {@link #zipDirectory(Path, List, List, Path, long)} with no includes or excludes of
     * its own (Maven's default excludes still apply).
     */
    public CodePackage zipDirectory(Path dir, Path outFile, long entryTimeMillis) throws IOException {
        return zipDirectory(dir, null, null, outFile, entryTimeMillis);
    }

    /**
     * A zip of a folder's content (non-Java runtimes), recursively, the folder's own name not included.
     *
     * <ul>
     *   <li>What goes in is chosen by Plexus Utils' {@code DirectoryScanner}, with Maven's pattern syntax relative to
     *       {@code dir} ({@code **}{@code /*.js}, {@code lib/}, {@code node_modules/.cache/**}; '/' or '\' as
     *       separator; case-sensitive): the files and directories that match an include and no exclude. Maven's
     *       default excludes always apply as well, at any depth ({@code DirectoryScanner.DEFAULTEXCLUDES}:
     *       version-control directories such as {@code .git}, {@code .svn}, {@code .hg}, {@code CVS}, and files
     *       such as {@code .DS_Store}, {@code .cvsignore}, {@code *~}, {@code #*#}, {@code .#*}, {@code %*%},
     *       {@code ._*}; not {@code .gitignore}).</li>
     *   <li>Directory entries ({@code name/}) are included, so empty directories survive: every directory that the
     *       patterns include, and every parent of an included entry. Every entry, directory or file, sorted by its
     *       full name.</li>
     *   <li>Symbolic links are followed: the entry holds what the link points to, as {@code zip -r} does, so that
     *       {@code node_modules/.bin} links work. A link loop, a broken link or a special file (FIFO, socket, device)
     *       that the patterns would package fails with a message naming it; one that they exclude is left out.</li>
     *   <li>Files get mode 0644, or 0755 when they are executable by their owner on a POSIX file system, or are the
     *       FunctionGraph custom-runtime {@code bootstrap} at the root (which must be executable, even when built on
     *       Windows).</li>
     *   <li>{@code outFile} must not be inside {@code dir}.</li>
     * </ul>
     *
     * @param dir the folder
     * @param includes patterns of what to package; {@code null} or empty for everything ({@code **}); {@code null}
     *     and blank elements are ignored
     * @param excludes patterns of what to leave out, may be {@code null}; added to Maven's default excludes
     * @param outFile where to write the zip
     * @param entryTimeMillis the entry time, usually {@link Timestamps#parseOutputTimestamp(String)}
     * @throws IllegalArgumentException when {@code dir} is not a directory, holds no file that the patterns select,
     *     or holds {@code outFile}
     * @throws IOException when reading or writing fails, or on a link loop, broken link or special file
     */
    public CodePackage zipDirectory(Path dir, List<String> includes, List<String> excludes, Path outFile,
            long entryTimeMillis) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(outFile, "outFile");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The code directory " + dir + " is not a directory");
        }
        Path root = dir.toRealPath();
        Path target = outFile.toAbsolutePath().normalize();
        Path targetParent = target.getParent();
        Files.createDirectories(targetParent);
        if (targetParent.toRealPath().startsWith(root)) {
            throw new IllegalArgumentException("The package " + target + " would be written inside the code directory "
                    + dir + " that it is made of; choose a code directory that does not contain it");
        }
        TreeMap<String, Path> entries = CodeDirectoryScanner.scan(root, includes, excludes);
        if (entries.values().stream().allMatch(Objects::isNull)) {
            boolean patterns = !(isEmpty(includes) && isEmpty(excludes));
            throw new IllegalArgumentException("The code directory " + dir + " contains no files"
                    + (patterns ? " matching includes " + includes + " and excludes " + excludes : "")
                    + " (Maven's default excludes, such as .git, .DS_Store and *~, always apply)");
        }
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        return writeAtomically(outFile, CodePackage.TYPE_ZIP, out -> {
            try (ReproducibleZipWriter zip = new ReproducibleZipWriter(out, entryTimeMillis)) {
                for (Map.Entry<String, Path> e : entries.entrySet()) {
                    String name = e.getKey();
                    Path file = e.getValue();
                    if (file == null) {
                        zip.addDirectory(name);
                    } else {
                        zip.addFile(name, file, store(name, Files.size(file)), mode(name, file, posix));
                    }
                }
                zip.finish();
            }
        }, entryTimeMillis);
    }

    private static boolean isEmpty(List<String> patterns) {
        return patterns == null || patterns.isEmpty();
    }

    private static int mode(String name, Path file, boolean posix) throws IOException {
        if (name.equals("bootstrap")) {
            return ReproducibleZipWriter.EXECUTABLE_MODE;
        }
        if (posix && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE)) {
            return ReproducibleZipWriter.EXECUTABLE_MODE;
        }
        return ReproducibleZipWriter.FILE_MODE;
    }

    static boolean store(String name, long size) {
        if (size == 0) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : STORED_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private CodePackage writeAtomically(Path outFile, String type, Content content, long entryTimeMillis)
            throws IOException {
        ReproducibleZipWriter.checkEntryTime(entryTimeMillis); // before any file is created
        return writeAtomically(outFile, type, content);
    }

    /**
     * Writes {@code content} to a temporary file beside {@code outFile}, digesting it, then moves it into place
     * (atomically where the file system can). On any failure the temporary file is deleted and an existing
     * {@code outFile} is left as it was.
     */
    CodePackage writeAtomically(Path outFile, String type, Content content) throws IOException {
        Objects.requireNonNull(outFile, "outFile");
        Path target = outFile.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            DigestingOutputStream digesting;
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                digesting = new DigestingOutputStream(file);
                OutputStream buffered = new BufferedOutputStream(digesting, BUFFER);
                content.writeTo(buffered);
                buffered.flush();
            }
            DigestingOutputStream.Digests digests = digesting.digests();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return new CodePackage(target, type, digests.size, digests.sha256Hex, digests.sha512Hex,
                    digests.md5Base64);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    // the original failure matters more; a stray ".tmp" file is harmless
                }
            }
        }
    }

    private static void requireRegularFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " is not a file"
                    + (Files.isDirectory(file) ? " but a directory (was the project packaged?)" : ""));
        }
    }

    /** What a package is made of, written to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
