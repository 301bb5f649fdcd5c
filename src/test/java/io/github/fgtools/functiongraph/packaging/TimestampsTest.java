package io.github.fgtools.functiongraph.packaging;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void parsesIsoWithZ() {
        assertThat(Timestamps.parseOutputTimestamp("2026-11-28T00:00:00Z")).isEqualTo(millis("2026-11-28T00:00:00Z"));
    }

    @Test
    void parsesIsoWithOffsetAsTheSameInstant() {
        assertThat(Timestamps.parseOutputTimestamp("2026-11-28T08:00:00+08:00"))
                .isEqualTo(millis("2026-11-28T00:00:00Z"));
    }

    @Test
    void truncatesToWholeSecondsLikeMavenArchiver() {
        assertThat(Timestamps.parseOutputTimestamp("2026-11-28T00:00:00.987Z")).isEqualTo(millis("2026-11-28T00:00:00Z"));
    }

    @Test
    void parsesSecondsSinceEpoch() {
        assertThat(Timestamps.parseOutputTimestamp("1795824000")).isEqualTo(millis("2026-11-28T00:00:00Z"));
    }

    @Test
    void absentBlankOrSingleCharacterGiveTheDefault() {
        long expected = millis("1980-02-01T00:00:00Z");
        assertThat(Timestamps.DEFAULT_ENTRY_TIME_MILLIS).isEqualTo(expected);
        assertThat(Timestamps.parseOutputTimestamp(null)).isEqualTo(expected);
        assertThat(Timestamps.parseOutputTimestamp("")).isEqualTo(expected);
        assertThat(Timestamps.parseOutputTimestamp("   ")).isEqualTo(expected);
        assertThat(Timestamps.parseOutputTimestamp("a")).isEqualTo(expected);
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid project.build.outputTimestamp 'yesterday'")
                .hasMessageContaining("2026-11-28T00:00:00Z");
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("2026-11-28T00:00:00"))
                .as("no offset")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("99999999999999999999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99999999999999999999999");
    }

    @Test
    void rejectsValuesAZipEntryCannotHold() {
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("1979-12-31T23:59:59Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1980-01-01T00:00:02Z");
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("0"))
                .as("a one-digit number is a number, as in maven-archiver")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> Timestamps.parseOutputTimestamp("2100-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
