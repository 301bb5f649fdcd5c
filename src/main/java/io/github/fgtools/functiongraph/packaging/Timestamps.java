package io.github.fgtools.functiongraph.packaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads Maven's {@code project.build.outputTimestamp} the way maven-archiver 3.6+ does, so that the code package's
 * entry time agrees with the jar that maven-jar-plugin built from the same value.
 *
 * <ul>
 *   <li>digits only: seconds since the epoch (like {@code SOURCE_DATE_EPOCH}), e.g. {@code 1795824000};</li>
 *   <li>an ISO-8601 date-time with offset, e.g. {@code 2026-11-28T00:00:00Z} or {@code 2026-11-28T08:00:00+08:00},
 *       truncated to whole seconds;</li>
 *   <li>absent: {@code null}, blank, or a single non-digit character (Maven's convention for switching an inherited
 *       value off) gives {@link #DEFAULT_ENTRY_TIME_MILLIS}.</li>
 * </ul>
 * Accepted values lie within {@link #MIN} .. {@link #MAX}, the range maven-archiver accepts (a ZIP entry's MS-DOS date
 * cannot hold years before 1980).
 */
public final class Timestamps {
    /** The earliest accepted timestamp, as in maven-archiver. */
    public static final Instant MIN = Instant.parse("1980-01-01T00:00:02Z");
    /** The latest accepted timestamp, as in maven-archiver. */
    public static final Instant MAX = Instant.parse("2099-12-31T23:59:59Z");
    /**
     * Entry time used when the project sets no {@code project.build.outputTimestamp}: 1980-02-01T00:00:00Z, one month
     * after the MS-DOS epoch, the constant Gradle uses for reproducible archives. It is a fixed value, so the package
     * stays reproducible; only the date shown by {@code unzip -l} is meaningless.
     */
    public static final long DEFAULT_ENTRY_TIME_MILLIS = Instant.parse("1980-02-01T00:00:00Z").toEpochMilli();

    private Timestamps() {
    }

    /**
     * The entry time for a value of {@code project.build.outputTimestamp}.
     *
     * @param outputTimestamp the property's value, may be {@code null}
     * @return milliseconds since the epoch (a whole number of seconds), or {@link #DEFAULT_ENTRY_TIME_MILLIS} when
     *     the value is absent
     * @throws IllegalArgumentException when the value is neither form, or outside {@link #MIN} .. {@link #MAX}
     */
    public static long parseOutputTimestamp(String outputTimestamp) {
        if (outputTimestamp == null) {
            return DEFAULT_ENTRY_TIME_MILLIS;
        }
        String value = outputTimestamp.trim();
        Instant instant;
        if (!value.isEmpty() && isDigits(value)) {
            try {
                instant = Instant.ofEpochSecond(Long.parseLong(value));
            } catch (NumberFormatException | DateTimeException e) {
                throw invalid(outputTimestamp, e);
            }
        } else if (value.length() < 2) {
            return DEFAULT_ENTRY_TIME_MILLIS;
        } else {
            try {
                instant = OffsetDateTime.parse(value)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(outputTimestamp, e);
            }
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + outputTimestamp + "' is " + instant
                    + ", outside the range a ZIP entry can hold: " + MIN + " to " + MAX);
        }
        return instant.toEpochMilli();
    }

    private static IllegalArgumentException invalid(String value, Exception cause) {
        return new IllegalArgumentException("Invalid project.build.outputTimestamp '" + value
                + "': expected an ISO-8601 date-time with offset such as 2026-11-28T00:00:00Z,"
                + " or seconds since the epoch such as 1795824000", cause);
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
