package io.github.fgtools.functiongraph.packaging;

import static io.github.fgtools.functiongraph.packaging.ZipFixtures.end;
import static io.github.fgtools.functiongraph.packaging.ZipFixtures.rawEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fgtools.functiongraph.packaging.ZipFixtures.RawEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReproducibleZipWriterTest {
    private static final long TIME = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** The wall-clock time a zone shows at the Java time the writer gives Commons Compress. */
    private static LocalDateTime dosFieldsFor(String utc, String zone) {
        ZoneId id = ZoneId.of(zone);
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ReproducibleZipWriter.javaTimeFor(millis(utc), id)), id);
    }

    @ParameterizedTest(name = "{0} in {1} shows {2}")
    @CsvSource({
        // ordinary times, east and west of UTC, and zones with odd offsets
        "2026-11-28T00:00:00Z, UTC,                 2026-11-28T00:00",
        "2026-11-28T00:00:00Z, Pacific/Kiritimati,  2026-11-28T00:00",
        "2026-11-28T00:00:00Z, America/Los_Angeles, 2026-11-28T00:00",
        "2026-11-28T00:00:00Z, Asia/Kathmandu,      2026-11-28T00:00",
        "2026-11-28T00:00:00Z, Pacific/Chatham,     2026-11-28T00:00",
        // the hours on either side of the Berlin gap exist and are exact (the plexus-archiver shift is not, see below)
        "2026-03-29T00:30:00Z, Europe/Berlin,       2026-03-29T00:30",
        "2026-03-29T01:30:00Z, Europe/Berlin,       2026-03-29T01:30",
        "2026-03-29T03:00:00Z, Europe/Berlin,       2026-03-29T03:00",
        // a daylight-saving gap: the wall-clock time does not exist there, and is shifted by the gap's length
        "2026-03-29T02:00:00Z, Europe/Berlin,       2026-03-29T03:00",
        "2026-03-29T02:30:00Z, Europe/Berlin,       2026-03-29T03:30",
        "2026-03-29T02:59:59Z, Europe/Berlin,       2026-03-29T03:59:59",
        "2026-03-08T02:30:00Z, America/New_York,    2026-03-08T03:30",
        "2026-10-04T02:15:00Z, Australia/Lord_Howe, 2026-10-04T02:45",
        // the same instants in zones without that gap
        "2026-03-29T02:30:00Z, UTC,                 2026-03-29T02:30",
        "2026-03-29T02:30:00Z, America/New_York,    2026-03-29T02:30",
        "2026-03-08T02:30:00Z, Europe/Berlin,       2026-03-08T02:30",
        // repeated wall-clock times (clocks go back) are no problem
        "2026-10-25T01:30:00Z, Europe/Berlin,       2026-10-25T01:30",
        "2026-10-25T02:30:00Z, Europe/Berlin,       2026-10-25T02:30",
        "2026-11-01T01:30:00Z, America/New_York,    2026-11-01T01:30",
        // the ends of the range the MS-DOS fields hold
        "1980-01-01T00:00:00Z, Pacific/Kiritimati,  1980-01-01T00:00",
        "2107-12-31T23:59:59Z, Pacific/Pago_Pago,   2107-12-31T23:59:59",
    })
    void dosFieldsShowTheUtcWallClockTimeOrThatPlusTheGap(String utc, String zone, String expected) {
        assertThat(dosFieldsFor(utc, zone)).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void plexusArchiverShiftIsOffAroundTransitionsWhereThisOneIsNot() {
        // plexus-archiver's AbstractZipArchiver.normalizeLastModifiedTime: t - (ZONE_OFFSET + DST_OFFSET at t)
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        for (String[] c : new String[][] {
            {"2026-03-29T01:30:00Z", "2026-03-29T00:30"},
            {"2026-03-29T02:30:00Z", "2026-03-29T01:30"},
            {"2026-10-25T01:30:00Z", "2026-10-25T02:30"},
        }) {
            long t = millis(c[0]);
            long plexus = t - TimeZone.getTimeZone(berlin).getOffset(t);
            assertThat(LocalDateTime.ofInstant(Instant.ofEpochMilli(plexus), berlin)).as(c[0])
                    .isEqualTo(LocalDateTime.parse(c[1]));
        }
        assertThat(dosFieldsFor("2026-03-29T01:30:00Z", "Europe/Berlin")).isEqualTo("2026-03-29T01:30");
        assertThat(dosFieldsFor("2026-10-25T01:30:00Z", "Europe/Berlin")).isEqualTo("2026-10-25T01:30");
    }

    @Test
    void writesTheDosFieldsThroughTheDefaultZone() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String id : new String[] {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                assertThat(rawEntries(oneDirectory(millis("2026-03-29T01:31:05Z"))).get(0).time())
                        .as(id).isEqualTo(LocalDateTime.parse("2026-03-29T01:31:04"));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            assertThat(rawEntries(oneDirectory(millis("2026-03-29T02:30:00Z"))).get(0).time())
                    .as("in the gap").isEqualTo(LocalDateTime.parse("2026-03-29T03:30:00"));
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void noExtraFieldsEvenWhereCommonsCompressWouldAddTimestampFields() throws Exception {
        // ZipArchiveEntry.setTime adds X5455 and X000A fields after 2097-11-30; the writer does not use it
        for (String time : new String[] {"1980-01-01T00:00:00Z", "2026-11-28T00:00:00Z", "2099-12-31T23:59:59Z",
            "2107-12-31T23:59:59Z"}) {
            List<RawEntry> entries = rawEntries(oneDirectory(millis(time)));
            LocalDateTime utc = LocalDateTime.ofInstant(Instant.parse(time), ZoneOffset.UTC);
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.centralExtraLength()).as(time).isZero();
                assertThat(e.localExtraLength()).as(time).isZero();
                assertThat(e.time()).as(time).isEqualTo(utc.withSecond(utc.getSecond() & ~1)); // 2-second steps
            });
        }
    }

    @Test
    void headersAreTheOnesTheHandWrittenWriterProduced() throws Exception {
        Path text = tmp.resolve("a.txt");
        Files.writeString(text, "hello ".repeat(1000));
        Path jar = tmp.resolve("b.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Path empty = Files.createFile(tmp.resolve("empty"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(bytes, TIME)) {
            writer.addFile("a.txt", text, false, ReproducibleZipWriter.FILE_MODE);
            writer.addFile("b.jar", jar, true, ReproducibleZipWriter.FILE_MODE);
            writer.addDirectory("d/");
            writer.addFile("d/empty", empty, true, ReproducibleZipWriter.EXECUTABLE_MODE);
            writer.addFile("ü/日本.txt", text, false, ReproducibleZipWriter.FILE_MODE);
            writer.finish();
        }
        List<RawEntry> entries = rawEntries(bytes.toByteArray());
        assertThat(entries).extracting(RawEntry::name).containsExactly("a.txt", "b.jar", "d/", "d/empty", "ü/日本.txt");
        for (RawEntry e : entries) {
            boolean deflated = e.method() == 8;
            assertThat(e.versionMadeBy()).as(e.name()).isEqualTo(0x0314); // Unix, 2.0
            assertThat(e.versionNeeded()).as(e.name()).isEqualTo(deflated ? 20 : 10).isEqualTo(e.localVersionNeeded());
            assertThat(e.flags()).as(e.name()).isEqualTo(deflated ? 0x0808 : 0x0800).isEqualTo(e.localFlags());
            assertThat(e.centralExtraLength() + e.localExtraLength() + e.commentLength() + e.internalAttributes())
                    .as(e.name()).isZero();
            assertThat(e.localDosTime()).isEqualTo(e.dosTime());
            assertThat(e.localDosDate()).isEqualTo(e.dosDate());
            assertThat(e.time()).isEqualTo(LocalDateTime.parse("2026-11-28T00:00"));
            if (deflated) {
                assertThat(List.of(e.localCrc(), e.localCompressedSize(), e.localSize())).as("data descriptor")
                        .containsOnly(0L);
            } else {
                assertThat(List.of(e.localCrc(), e.localCompressedSize(), e.localSize()))
                        .containsExactly(e.crc(), e.size(), e.size());
            }
        }
        assertThat(entries).extracting(RawEntry::method).containsExactly(8, 0, 0, 0, 8);
        assertThat(entries).extracting(RawEntry::externalAttributes).containsExactly(
                0100644L << 16, 0100644L << 16, 040755L << 16 | 0x10, 0100755L << 16, 0100644L << 16);
        assertThat(entries.get(3).size()).isZero();
        assertThat(entries.get(3).crc()).isZero();
    }

    @Test
    void zip64EndRecordsOnlyFrom65535EntriesAndJavaReadsThem() throws Exception {
        // 65535 entries would fit the classic count field, but 0xFFFF is the marker that sends readers to the ZIP64
        // record, so Commons Compress (like java.util.zip) writes one from 65535 on; the hand-written writer did so
        // from 65536.
        byte[] fewer = directories(65_534);
        assertThat(end(fewer).zip64()).isFalse();
        assertThat(end(fewer).entries()).isEqualTo(65_534);

        int count = 65_535;
        byte[] zip = directories(count);
        ZipFixtures.End end = end(zip);
        assertThat(end.zip64()).isTrue();
        assertThat(end.entries()).isEqualTo(count);
        assertThat(end.classicCount()).isEqualTo(0xFFFF);
        assertThat(rawEntries(zip)).hasSize(count).allSatisfy(e -> {
            assertThat(e.centralExtraLength()).isZero();
            assertThat(e.versionMadeBy()).isEqualTo(0x0314);
        });
        Path file = Files.write(tmp.resolve("many.zip"), zip);
        try (ZipFile zf = new ZipFile(file.toFile())) {
            assertThat(zf.size()).isEqualTo(count);
            assertThat(zf.getEntry("d065534/")).isNotNull();
        }
        int streamed = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                streamed++;
            }
        }
        assertThat(streamed).isEqualTo(count);
    }

    @Test
    void aStoredFileThatChangesBetweenItsTwoReadsFails() throws Exception {
        Path file = tmp.resolve("grows.jar");
        Files.write(file, new byte[1000]);
        OutputStream growing = new OutputStream() {
            private boolean grown;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!grown) { // the local header is written after the CRC pass, before the copy
                    grown = true;
                    Files.write(file, new byte[2000]);
                }
            }
        };
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(growing, TIME)) {
            assertThatThrownBy(() -> writer.addFile("grows.jar", file, true, ReproducibleZipWriter.FILE_MODE))
                    .isInstanceOf(IOException.class)
                    .hasMessage(file + " changed while it was being packaged");
        } catch (IOException closing) {
            // closing after the failure may complain about the unfinished entry; the stream is discarded anyway
        }
    }

    @Test
    void entryNamesAreChecked() throws Exception {
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(OutputStream.nullOutputStream(), TIME)) {
            writer.addDirectory("a/");
            assertThatThrownBy(() -> writer.addDirectory("a/")).hasMessageContaining("Duplicate ZIP entry 'a/'");
            assertThatThrownBy(() -> writer.addDirectory("/abs/")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.addDirectory("no-slash")).isInstanceOf(IllegalArgumentException.class);
            writer.finish();
        }
    }

    @Test
    void entryTimeMustFitMsDosFields() {
        assertThatThrownBy(() -> new ReproducibleZipWriter(OutputStream.nullOutputStream(),
                millis("1979-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1980 to 2107");
        assertThatThrownBy(() -> new ReproducibleZipWriter(OutputStream.nullOutputStream(), Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReproducibleZipWriter(OutputStream.nullOutputStream(),
                millis("2108-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingDoesNotCloseTheCallersStream() throws Exception {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(out, TIME)) {
            writer.addDirectory("a/");
            writer.finish();
        }
        assertThat(closed[0]).isFalse();
    }

    private static byte[] oneDirectory(long time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(bytes, time)) {
            writer.addDirectory("d/");
            writer.finish();
        }
        return bytes.toByteArray();
    }

    private static byte[] directories(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReproducibleZipWriter writer = new ReproducibleZipWriter(bytes, TIME)) {
            for (int i = 0; i < count; i++) {
                writer.addDirectory(String.format("d%06d/", i));
            }
            writer.finish();
        }
        return bytes.toByteArray();
    }
}
