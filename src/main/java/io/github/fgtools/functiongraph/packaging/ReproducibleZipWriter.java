package io.github.fgtools.functiongraph.packaging;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * Commons Compress's {@link ZipArchiveOutputStream} set up so that its output depends only on what it is given: every
 * entry has the same time, a Unix mode, a UTF-8 name and no extra field; nothing comes from the clock or from file
 * attributes.
 *
 * <p>What Commons Compress writes, given these settings (the same bytes as the hand-written writer this replaced, for
 * packages of fewer than 65535 entries):
 * <ul>
 *   <li>a non-seekable stream, so it never goes back: STORED entries carry CRC and sizes in the local header (the
 *       caller supplies them: {@link #addFile} reads a STORED file twice, once for its CRC); DEFLATED entries are
 *       followed by a data descriptor;</li>
 *   <li>"made by" Unix (the external attributes hold the Unix mode), language encoding flag (UTF-8 names), no Unicode
 *       path extra fields, no extended timestamp ({@code X5455}) or NTFS ({@code X000A}) field, no uid/gid
 *       ({@code X7875}) field;</li>
 *   <li>{@link Zip64Mode#AsNeeded}: ZIP64 structures only where a ZIP without them cannot hold the value. With
 *       65535 entries or more that is the ZIP64 end of central directory record and locator (the entry count of the
 *       classic end record is then 0xFFFF, the marker that sends readers to the ZIP64 record). A STORED file of 4 GiB
 *       or more gets a ZIP64 extra field; a DEFLATED one fails (its size is unknown when its header is written, and
 *       on a non-seekable stream Commons Compress then refuses ZIP64). FunctionGraph takes 300 MB at most.</li>
 * </ul>
 *
 * <p>Entry time: Commons Compress, like {@code java.util.zip}, turns a Java time into the MS-DOS date and time fields
 * through the JVM's default time zone; see {@link #javaTimeFor(long, ZoneId)} for how the fields are made to show the
 * UTC date and time, and what happens when that wall-clock time does not exist in the default zone.
 */
final class ReproducibleZipWriter implements Closeable {
    static final int FILE_MODE = 0644;
    static final int EXECUTABLE_MODE = 0755;
    static final int DIRECTORY_MODE = 0755;

    /** The first entry time the MS-DOS date fields can hold, as UTC date and time. */
    static final Instant MIN_ENTRY_TIME = Instant.parse("1980-01-01T00:00:00Z");
    /** The last entry time the MS-DOS date fields can hold, as UTC date and time. */
    static final Instant MAX_ENTRY_TIME = Instant.parse("2107-12-31T23:59:59Z");

    private final ZipArchiveOutputStream zip;
    private final long javaTime;
    private final Set<String> names = new HashSet<>();

    /**
     * @param out where the archive goes; not closed by this writer
     * @param entryTimeMillis the time every entry gets, read as UTC; within {@link #MIN_ENTRY_TIME} ..
     *     {@link #MAX_ENTRY_TIME}
     * @throws IllegalArgumentException when the entry time is out of that range
     */
    ReproducibleZipWriter(OutputStream out, long entryTimeMillis) {
        checkEntryTime(entryTimeMillis);
        this.javaTime = javaTimeFor(entryTimeMillis, ZoneId.systemDefault());
        // Commons Compress closes the stream it writes to; the caller owns this one.
        this.zip = new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out));
        zip.setEncoding(StandardCharsets.UTF_8.name());
        zip.setUseLanguageEncodingFlag(true);
        zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
        zip.setFallbackToUTF8(false);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        zip.setMethod(ZipArchiveOutputStream.DEFLATED);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * Fails unless the entry time's UTC date and time fit the MS-DOS fields (years 1980 to 2107).
     *
     * @throws IllegalArgumentException naming the range
     */
    static void checkEntryTime(long entryTimeMillis) {
        long seconds = Math.floorDiv(entryTimeMillis, 1000L);
        if (seconds < MIN_ENTRY_TIME.getEpochSecond() || seconds > MAX_ENTRY_TIME.getEpochSecond()) {
            throw new IllegalArgumentException("Entry time " + Instant.ofEpochMilli(entryTimeMillis)
                    + " cannot be stored in a ZIP entry: the year must be 1980 to 2107");
        }
    }

    /**
     * The Java time to give a zip library that converts through {@code zone} so that the MS-DOS date and time fields
     * show the UTC date and time of {@code entryTimeMillis} (whole seconds; the fields then keep even seconds): the
     * instant at which a clock in {@code zone} shows that UTC date and time, found with
     * {@link LocalDateTime#atZone(ZoneId)}.
     *
     * <p>A daylight-saving gap: when the clocks of {@code zone} jump forward, the wall-clock times they skip belong to
     * no instant, so no Java time makes the fields show them. Then the result is the instant one gap-length later
     * (the resolution {@link LocalDateTime#atZone} documents), and the fields show the UTC date and time plus the
     * length of the gap: for 2026-03-29T02:30:00Z they show 03:30 when the default zone is Europe/Berlin, and
     * 02:30 in UTC or Asia/Shanghai. Such a package differs from one built in a zone without that gap. Wall-clock
     * times repeated when clocks go back are no problem: either instant shows them.
     *
     * <p>plexus-archiver instead subtracts the offset the zone has at the UTC instant itself. That agrees with this
     * everywhere except in the hours around a transition whose offset differs from the one at the shifted instant:
     * for Europe/Berlin on 2026-03-29 it gives 00:30 for 01:30Z and 01:30 for 02:30Z, and on 2026-10-25 02:30 for
     * 01:30Z.
     */
    static long javaTimeFor(long entryTimeMillis, ZoneId zone) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(entryTimeMillis, 1000L), 0, ZoneOffset.UTC);
        return utc.atZone(zone).toInstant().toEpochMilli();
    }

    /**
     * Adds a file's content as an entry.
     *
     * @param store STORED rather than DEFLATED
     * @param mode the Unix permission bits, such as {@link #FILE_MODE}
     * @throws IOException when reading fails, or the file changes while it is read
     */
    void addFile(String name, Path file, boolean store, int mode) throws IOException {
        checkName(name, false);
        ZipArchiveEntry entry = new Entry(name, javaTime);
        entry.setUnixMode(UnixStat.FILE_FLAG | mode);
        if (store) {
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(Files.size(file));
            entry.setCrc(FileUtils.checksumCRC32(file.toFile()));
        } else {
            entry.setMethod(ZipArchiveEntry.DEFLATED);
        }
        zip.putArchiveEntry(entry);
        Files.copy(file, zip);
        try {
            zip.closeArchiveEntry();
        } catch (ZipException e) {
            // STORED: size or CRC differ from the first read
            throw new IOException(file + " changed while it was being packaged", e);
        }
    }

    /** Adds a directory entry; {@code name} ends with '/'. */
    void addDirectory(String name) throws IOException {
        checkName(name, true);
        ZipArchiveEntry entry = new Entry(name, javaTime);
        entry.setUnixMode(UnixStat.DIR_FLAG | DIRECTORY_MODE);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(0);
        entry.setCrc(0);
        zip.putArchiveEntry(entry);
        zip.closeArchiveEntry();
    }

    /** Writes the central directory and end records. */
    void finish() throws IOException {
        zip.finish();
    }

    /** Releases the compressor; does not close the stream given to the constructor. */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void checkName(String name, boolean directory) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") != directory) {
            throw new IllegalArgumentException("Invalid ZIP entry name '" + name + "'");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
            throw new IllegalArgumentException("ZIP entry name too long: '" + name + "'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("Duplicate ZIP entry '" + name + "'");
        }
    }

    /**
     * An entry whose time Commons Compress reads through {@link #getTime()} only. {@link ZipArchiveEntry#setTime(long)}
     * is not used: for a time it does not consider an MS-DOS time (after 2097-11-30T00:00:00Z, or before 1980 in the
     * default zone) it adds extended-timestamp and NTFS extra fields.
     */
    private static final class Entry extends ZipArchiveEntry {
        private final long time;

        Entry(String name, long time) {
            super(name);
            this.time = time;
        }

        @Override
        public long getTime() {
            return time;
        }
    }
}
