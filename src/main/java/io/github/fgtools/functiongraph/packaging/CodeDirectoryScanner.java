package io.github.fgtools.functiongraph.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * Plexus Utils' {@link DirectoryScanner} (Maven's include/exclude patterns and default excludes) with the checks a
 * code package needs and the scanner does not make. It follows symbolic links, and would follow a link loop round
 * and round until the operating system refuses the path; it silently skips broken links and special files. Here a
 * link loop, a broken link or a special file that the patterns would package is an error that names its path; one
 * that the patterns exclude is left out (a loop under an excluded directory is not descended).
 */
final class CodeDirectoryScanner extends DirectoryScanner {
    /** Real paths of the directories being scanned, innermost first. */
    private final Deque<Path> parents = new ArrayDeque<>();

    private CodeDirectoryScanner() {
    }

    /**
     * The entries of a zip of {@code root}: entry name to file, or to {@code null} for a directory (its name ending
     * with '/'). Directories are those the patterns include and every parent of an included file or directory.
     *
     * @param root the directory, a real path
     * @param includes patterns, {@code null} or empty for {@code **}; {@code null} and blank elements are ignored
     * @param excludes patterns, may be {@code null}; Maven's default excludes are added
     * @throws IOException on a link loop, a broken link or a special file that would be packaged, or when a
     *     directory cannot be read
     */
    static TreeMap<String, Path> scan(Path root, List<String> includes, List<String> excludes) throws IOException {
        CodeDirectoryScanner scanner = new CodeDirectoryScanner();
        scanner.setBasedir(root.toFile());
        scanner.setFollowSymlinks(true);
        scanner.setCaseSensitive(true);
        String[] include = patterns(includes);
        scanner.setIncludes(include.length == 0 ? null : include);
        scanner.setExcludes(patterns(excludes));
        scanner.addDefaultExcludes();
        try {
            scanner.scan();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        TreeMap<String, Path> entries = new TreeMap<>();
        for (String file : scanner.getIncludedFiles()) {
            String name = file.replace(File.separatorChar, '/');
            entries.put(name, root.resolve(file));
            addParents(entries, name);
        }
        for (String dir : scanner.getIncludedDirectories()) {
            if (!dir.isEmpty()) {
                String name = dir.replace(File.separatorChar, '/');
                entries.put(name + "/", null);
                addParents(entries, name);
            }
        }
        return entries;
    }

    private static void addParents(TreeMap<String, Path> entries, String name) {
        for (int slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
            if (entries.putIfAbsent(name.substring(0, slash + 1), null) != null) {
                return; // and so are its parents
            }
        }
    }

    private static String[] patterns(List<String> patterns) {
        List<String> kept = new ArrayList<>();
        if (patterns != null) {
            for (String pattern : patterns) {
                if (pattern != null && !pattern.trim().isEmpty()) {
                    kept.add(pattern.trim());
                }
            }
        }
        return kept.toArray(new String[0]);
    }

    @Override
    protected void scandir(File dir, String vpath, boolean fast) {
        Path real;
        try {
            real = dir.toPath().toRealPath();
            if (parents.contains(real)) {
                String name = vpath.isEmpty() ? "" : vpath.substring(0, vpath.length() - 1);
                if (isExcluded(name)) {
                    return;
                }
                throw new IOException("Symbolic link loop in the code directory: " + dir
                        + " leads back to one of its parents");
            }
            checkChildren(dir.toPath(), vpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parents.push(real);
        try {
            super.scandir(dir, vpath, fast);
        } finally {
            parents.pop();
        }
    }

    /** What the scanner skips silently: neither a directory nor a regular file, once links are followed. */
    private void checkChildren(Path dir, String vpath) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                BasicFileAttributes attributes = null;
                IOException failure = null;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class);
                } catch (IOException e) {
                    failure = e;
                }
                if (attributes != null && (attributes.isDirectory() || attributes.isRegularFile())) {
                    continue;
                }
                String name = vpath + child.getFileName();
                if (!isIncluded(name) || isExcluded(name)) {
                    continue;
                }
                if (Files.isSymbolicLink(child)) {
                    throw new IOException("Broken symbolic link in the code directory: " + child + " -> "
                            + Files.readSymbolicLink(child), failure);
                }
                if (failure != null) {
                    throw failure;
                }
                throw new IOException("Not a regular file, cannot be packaged: " + child);
            }
        }
    }
}
