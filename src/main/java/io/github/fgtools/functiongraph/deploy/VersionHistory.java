package io.github.fgtools.functiongraph.deploy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A function's published versions, oldest first, as ListFunctionVersions answers them.
 *
 * <p>Version names are the service's ({@code v20261204-142128}, from the time of publishing) or the user's
 * ({@code 1.4.0}, {@code release_7}): nothing here reads meaning into a name, nor compares names. The order is the
 * service's: versions are listed in publishing order (API notes, "Versions"), and each carries
 * {@code last_modified} (SDK model {@code ListFunctionVersionResult}). When every version's {@code last_modified}
 * can be read, the versions are ordered by it, the list's order breaking ties (two publishes within one second);
 * otherwise the list's order stands. "The newest version" is the last one of that order: the one the service
 * published last.
 */
final class VersionHistory {
    /** {@code 2026-12-04 14:21:28}, a form some FunctionGraph answers use instead of ISO 8601. */
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]",
            Locale.ROOT);

    /** One published version. */
    static final class Version {
        final String name;
        /** When the service last modified it, or null when the answer had no readable time. */
        final Instant lastModified;
        /** Its place in the service's list, from 0. */
        final int position;
        /** The list's entry: digest, configuration fields. */
        final ObjectNode entry;

        Version(String name, Instant lastModified, int position, ObjectNode entry) {
            this.name = name;
            this.lastModified = lastModified;
            this.position = position;
            this.entry = entry;
        }

        String digest() {
            return entry.path("digest").asText("");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Version> versions;

    private VersionHistory(List<Version> oldestFirst) {
        this.versions = Collections.unmodifiableList(oldestFirst);
    }

    /** The published versions of a ListFunctionVersions answer ({@code {"versions": [...]}}); {@code latest} left out. */
    static VersionHistory of(JsonNode listAnswer) {
        List<Version> list = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean allTimed = true;
        int position = 0;
        for (JsonNode v : listAnswer.path("versions")) {
            String name = v.path("version").asText("");
            if (name.isEmpty() || "latest".equals(name) || !v.isObject() || !seen.add(name)) {
                continue;
            }
            Instant time = parseTime(v.path("last_modified").asText(""));
            allTimed &= time != null;
            list.add(new Version(name, time, position++, (ObjectNode) v));
        }
        Comparator<Version> order = Comparator.comparingInt(v -> v.position);
        if (allTimed) {
            order = Comparator.<Version, Instant>comparing(v -> v.lastModified).thenComparingInt(v -> v.position);
        }
        list.sort(order);
        return new VersionHistory(list);
    }

    /** Reads {@code last_modified} as ISO 8601 with an offset, or as {@code yyyy-MM-dd HH:mm:ss} (taken as UTC). */
    static Instant parseTime(String text) {
        if (text == null || text.trim().isEmpty()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notIsoWithOffset) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notIsoLocal) {
            // try the spaced form
        }
        try {
            return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Oldest first. */
    List<Version> oldestFirst() {
        return versions;
    }

    /** The version the service published last, or null when none is published. */
    Version newest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The version with this name, or null. */
    Version find(String name) {
        for (Version v : versions) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    int size() {
        return versions.size();
    }
}
