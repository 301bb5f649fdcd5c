package io.github.fgtools.functiongraph.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal ZIP writer whose output depends only on what it is given: no clock, no time zone, no file attributes, no
 * extra fields.
 *
 * <p>Why not Commons Compress or {@code java.util.zip}: both turn an entry time into the MS-DOS date and time fields
 * through the JVM's default time zone. A timestamp can be shifted to compensate, but not when the wanted wall-clock
 * time falls in a daylight-saving gap of the build machine's zone, where no instant maps to it. Here the fields are
 * the timestamp's UTC date and time, written directly.
 *
 * <p>Layout: entries in the order added, each a local header (UTF-8 name flag, no extra field) and its data; STORED
 * entries carry CRC and sizes in the local header (computed by reading the file once beforehand, so that streaming
 * readers such as {@link java.util.zip.ZipInputStream} accept them); DEFLATED entries are followed by a data
 * descriptor. Then the central directory ("made by" Unix, so the external attributes hold a Unix mode) and the end
 * record, with ZIP64 end records only when there are more than 65535 entries. Sizes and offsets above 4 GiB are
 * refused (FunctionGraph takes 300 MB at most).
 *
 * <p>Writes to the stream given and counts the bytes itself; never seeks, so the caller can digest the stream as it
 * goes.
 */
final class ZipWriter {
    static final int FILE_MODE = 0644;
    static final int EXECUTABLE_MODE = 0755;
    static final int DIRECTORY_MODE = 0755;

    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int FLAG_DATA_DESCRIPTOR = 0x0008;
    private static final int FLAG_UTF8 = 0x0800;
    private static final int VERSION_MADE_BY = (3 << 8) | 20; // Unix, ZIP 2.0
    private static final int VERSION_STORED = 10;
    private static final int VERSION_DEFLATED = 20;
    private static final int VERSION_ZIP64 = 45;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;
    private static final int BUFFER = 64 * 1024;
    private static final long DOS_MIN_SECONDS =
            LocalDateTime.of(1980, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long DOS_MAX_SECONDS =
            LocalDateTime.of(2107, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private final OutputStream out;
    private final int dosTime;
    private final int dosDate;
    private final int deflateLevel;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] deflated = new byte[BUFFER];
    private final byte[] header = new byte[64];
    private long offset;
    private boolean finished;

    /**
     * @param out where the archive goes; not closed by this writer
     * @param entryTimeMillis the time every entry gets, read as UTC; between 1980 and 2107
     * @param deflateLevel the {@link Deflater} level for DEFLATED entries
     */
    ZipWriter(OutputStream out, long entryTimeMillis, int deflateLevel) {
        this.out = out;
        LocalDateTime t = checkEntryTime(entryTimeMillis);
        this.dosTime = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() >> 1);
        this.dosDate = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        this.deflateLevel = deflateLevel;
    }

    /** The entry time as UTC date and time; fails unless it fits the MS-DOS fields (years 1980 to 2107). */
    static LocalDateTime checkEntryTime(long entryTimeMillis) {
        long seconds = Math.floorDiv(entryTimeMillis, 1000L);
        if (seconds < DOS_MIN_SECONDS || seconds > DOS_MAX_SECONDS) {
            throw new IllegalArgumentException("Entry time " + Instant.ofEpochMilli(entryTimeMillis)
                    + " cannot be stored in a ZIP entry: the year must be 1980 to 2107");
        }
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    }

    /** Adds a file's content as an entry; {@code store} chooses STORED over DEFLATED. */
    void addFile(String name, Path file, boolean store, int mode) throws IOException {
        byte[] nameBytes = checkName(name, false);
        if (store) {
            addStored(name, nameBytes, file, mode);
        } else {
            addDeflated(name, nameBytes, file, mode);
        }
    }

    /** Adds a directory entry; {@code name} ends with '/'. */
    void addDirectory(String name) throws IOException {
        byte[] nameBytes = checkName(name, true);
        Entry entry = new Entry(nameBytes, STORED, 0, 0, 0, offset, (0040000 | DIRECTORY_MODE) << 16 | 0x10, false);
        writeLocalHeader(entry);
        entries.add(entry);
    }

    /** Writes the central directory and end records. Does not close the stream. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        long centralStart = offset;
        for (Entry e : entries) {
            writeCentralHeader(e);
        }
        long centralSize = offset - centralStart;
        checkFits32(centralStart + centralSize, "the archive");
        if (entries.size() > MAX_16) {
            long zip64EndStart = offset;
            int p = 0;
            p = le32(header, p, 0x06064b50);
            p = le64(header, p, 44);                  // size of the rest of this record
            p = le16(header, p, VERSION_MADE_BY);
            p = le16(header, p, VERSION_ZIP64);
            p = le32(header, p, 0);                   // this disk
            p = le32(header, p, 0);                   // disk with the central directory
            p = le64(header, p, entries.size());      // entries on this disk
            p = le64(header, p, entries.size());      // entries in total
            p = le64(header, p, centralSize);
            p = le64(header, p, centralStart);
            write(header, p);
            p = 0;
            p = le32(header, p, 0x07064b50);
            p = le32(header, p, 0);                   // disk with the ZIP64 end record
            p = le64(header, p, zip64EndStart);
            p = le32(header, p, 1);                   // number of disks
            write(header, p);
        }
        int count = Math.min(entries.size(), MAX_16);
        int p = 0;
        p = le32(header, p, 0x06054b50);
        p = le16(header, p, 0);
        p = le16(header, p, 0);
        p = le16(header, p, count);
        p = le16(header, p, count);
        p = le32(header, p, centralSize);
        p = le32(header, p, centralStart);
        p = le16(header, p, 0);                       // comment length
        write(header, p);
    }

    private void addStored(String name, byte[] nameBytes, Path file, int mode) throws IOException {
        // First pass: CRC and size, so the local header is complete.
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        checkFits32(size, name);
        Entry entry = new Entry(nameBytes, STORED, crc.getValue(), size, size, offset, fileAttributes(mode), false);
        writeLocalHeader(entry);
        CRC32 check = new CRC32();
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                check.update(buffer, 0, n);
                copied += n;
                if (copied > size) {
                    break;
                }
                write(buffer, 0, n);
            }
        }
        if (copied != size || check.getValue() != crc.getValue()) {
            throw new IOException(file + " changed while it was being packaged");
        }
        entries.add(entry);
    }

    private void addDeflated(String name, byte[] nameBytes, Path file, int mode) throws IOException {
        Entry entry = new Entry(nameBytes, DEFLATED, 0, 0, 0, offset, fileAttributes(mode), true);
        writeLocalHeader(entry);
        CRC32 crc = new CRC32();
        long size = 0;
        long compressedStart = offset;
        Deflater deflater = new Deflater(deflateLevel, true);
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
                deflater.setInput(buffer, 0, n);
                while (!deflater.needsInput()) {
                    drain(deflater);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                drain(deflater);
            }
        } finally {
            deflater.end();
        }
        Entry done = new Entry(nameBytes, DEFLATED, crc.getValue(), offset - compressedStart, size,
                entry.offset, entry.attributes, true);
        checkFits32(done.size, name);
        checkFits32(done.compressedSize, name);
        int p = 0;
        p = le32(header, p, 0x08074b50);
        p = le32(header, p, done.crc);
        p = le32(header, p, done.compressedSize);
        p = le32(header, p, done.size);
        write(header, p);
        entries.add(done);
    }

    private void drain(Deflater deflater) throws IOException {
        int n = deflater.deflate(deflated, 0, deflated.length, Deflater.NO_FLUSH);
        if (n > 0) {
            write(deflated, 0, n);
        }
    }

    private void writeLocalHeader(Entry e) throws IOException {
        checkFits32(e.offset, "the archive");
        int p = 0;
        p = le32(header, p, 0x04034b50);
        p = le16(header, p, e.method == STORED ? VERSION_STORED : VERSION_DEFLATED);
        p = le16(header, p, e.flags());
        p = le16(header, p, e.method);
        p = le16(header, p, dosTime);
        p = le16(header, p, dosDate);
        p = le32(header, p, e.descriptor ? 0 : e.crc);
        p = le32(header, p, e.descriptor ? 0 : e.compressedSize);
        p = le32(header, p, e.descriptor ? 0 : e.size);
        p = le16(header, p, e.name.length);
        p = le16(header, p, 0);                       // extra field length
        write(header, p);
        write(e.name, 0, e.name.length);
    }

    private void writeCentralHeader(Entry e) throws IOException {
        int p = 0;
        p = le32(header, p, 0x02014b50);
        p = le16(header, p, VERSION_MADE_BY);
        p = le16(header, p, e.method == STORED ? VERSION_STORED : VERSION_DEFLATED);
        p = le16(header, p, e.flags());
        p = le16(header, p, e.method);
        p = le16(header, p, dosTime);
        p = le16(header, p, dosDate);
        p = le32(header, p, e.crc);
        p = le32(header, p, e.compressedSize);
        p = le32(header, p, e.size);
        p = le16(header, p, e.name.length);
        p = le16(header, p, 0);                       // extra field length
        p = le16(header, p, 0);                       // comment length
        p = le16(header, p, 0);                       // disk number start
        p = le16(header, p, 0);                       // internal attributes
        p = le32(header, p, e.attributes);
        p = le32(header, p, e.offset);
        write(header, p);
        write(e.name, 0, e.name.length);
    }

    private byte[] checkName(String name, boolean directory) {
        if (finished) {
            throw new IllegalStateException("archive already finished");
        }
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") != directory) {
            throw new IllegalArgumentException("Invalid ZIP entry name '" + name + "'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("Duplicate ZIP entry '" + name + "'");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_16) {
            throw new IllegalArgumentException("ZIP entry name too long: '" + name + "'");
        }
        return bytes;
    }

    private static int fileAttributes(int mode) {
        return (0100000 | (mode & 07777)) << 16;
    }

    private static void checkFits32(long value, String what) throws IOException {
        if (value >= MAX_32) {
            throw new IOException(what + " is larger than 4 GiB, beyond a ZIP without ZIP64 sizes"
                    + " (FunctionGraph accepts at most 300 MB through OBS)");
        }
    }

    private void write(byte[] bytes, int length) throws IOException {
        write(bytes, 0, length);
    }

    private void write(byte[] bytes, int off, int length) throws IOException {
        out.write(bytes, off, length);
        offset += length;
    }

    private static int le16(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        return p + 2;
    }

    private static int le32(byte[] b, int p, long v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        return p + 4;
    }

    private static int le64(byte[] b, int p, long v) {
        le32(b, p, v);
        return le32(b, p + 4, v >>> 32);
    }

    private static final class Entry {
        final byte[] name;
        final int method;
        final long crc;
        final long compressedSize;
        final long size;
        final long offset;
        final int attributes;
        final boolean descriptor;

        Entry(byte[] name, int method, long crc, long compressedSize, long size, long offset, int attributes,
                boolean descriptor) {
            this.name = name;
            this.method = method;
            this.crc = crc;
            this.compressedSize = compressedSize;
            this.size = size;
            this.offset = offset;
            this.attributes = attributes;
            this.descriptor = descriptor;
        }

        int flags() {
            return FLAG_UTF8 | (descriptor ? FLAG_DATA_DESCRIPTOR : 0);
        }
    }
}
