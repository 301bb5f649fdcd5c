package io.github.fgtools.functiongraph.packaging;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipWriterTest {
    private static final long TIME = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    @Test
    void moreThan65535EntriesGetZip64EndRecordsThatJavaReads() throws Exception {
        Path zip = tmp.resolve("many.zip");
        int count = 70_000;
        try (OutputStream out = Files.newOutputStream(zip)) {
            ZipWriter writer = new ZipWriter(out, TIME, Deflater.DEFAULT_COMPRESSION);
            for (int i = 0; i < count; i++) {
                writer.addDirectory(String.format("d%06d/", i));
            }
            writer.finish();
        }
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            assertThat(zf.size()).isEqualTo(count);
            assertThat(zf.getEntry("d069999/")).isNotNull();
        }
        int streamed = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            while (in.getNextEntry() != null) {
                streamed++;
            }
        }
        assertThat(streamed).isEqualTo(count);
    }

    @Test
    void entryNamesAreChecked() throws Exception {
        ZipWriter writer = new ZipWriter(OutputStream.nullOutputStream(), TIME, Deflater.DEFAULT_COMPRESSION);
        writer.addDirectory("a/");
        assertThatThrownBy(() -> writer.addDirectory("a/")).hasMessageContaining("Duplicate ZIP entry 'a/'");
        assertThatThrownBy(() -> writer.addDirectory("/abs/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.addDirectory("no-slash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entryTimeMustFitMsDosFields() {
        assertThatThrownBy(() -> new ZipWriter(OutputStream.nullOutputStream(),
                Instant.parse("1979-12-31T23:59:59Z").toEpochMilli(), 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1980 to 2107");
        assertThatThrownBy(() -> new ZipWriter(OutputStream.nullOutputStream(), Long.MAX_VALUE, 6))
                .isInstanceOf(IllegalArgumentException.class);
        new ZipWriter(OutputStream.nullOutputStream(), Instant.parse("2107-12-31T23:59:59Z").toEpochMilli(), 6);
    }
}
