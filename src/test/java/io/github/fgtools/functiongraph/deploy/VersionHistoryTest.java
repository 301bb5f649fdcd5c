package io.github.fgtools.functiongraph.deploy;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "The newest version" is the one the service published last: by last_modified, then the list's order. */
class VersionHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static VersionHistory of(String versions) throws Exception {
        return VersionHistory.of(JSON.readTree("{\"versions\": " + versions.replace('\'', '"') + "}"));
    }

    private static String names(VersionHistory h) {
        return h.oldestFirst().stream().map(v -> v.name).collect(Collectors.joining(" "));
    }

    @Test
    void ordersByLastModifiedWhateverTheListOrderAndTheNames() throws Exception {
        VersionHistory h = of("[{'version': 'latest', 'last_modified': '2026-12-04T15:00:00+08:00'},"
                + "{'version': 'zeta', 'last_modified': '2026-12-04T14:00:02+08:00'},"
                + "{'version': '1.10.0', 'last_modified': '2026-12-04T06:00:03Z'},"
                + "{'version': 'v20261204-140001', 'last_modified': '2026-12-04T14:00:01+08:00'}]");
        assertThat(names(h)).isEqualTo("v20261204-140001 zeta 1.10.0");
        assertThat(h.newest().name).isEqualTo("1.10.0");
        assertThat(h.find("zeta").position).isEqualTo(0);
        assertThat(h.find("latest")).isNull();
    }

    @Test
    void theListsOrderBreaksTiesWithinOneSecond() throws Exception {
        VersionHistory h = of("[{'version': 'v20261204-140001', 'last_modified': '2026-12-04T14:00:01+08:00'},"
                + "{'version': 'v20261204-140001-2', 'last_modified': '2026-12-04T14:00:01+08:00'},"
                + "{'version': 'v20261204-140001-10', 'last_modified': '2026-12-04T14:00:01+08:00'}]");
        assertThat(h.newest().name).isEqualTo("v20261204-140001-10");
    }

    @Test
    void withoutReadableTimesTheListsOrderStands() throws Exception {
        VersionHistory h = of("[{'version': 'b', 'last_modified': '2026-12-04 14:00:09'},"
                + "{'version': 'a'}, {'version': 'b'}]");
        assertThat(names(h)).isEqualTo("b a");
        assertThat(VersionHistory.parseTime("2026-12-04 14:00:09")).isNotNull();
        assertThat(VersionHistory.parseTime("2026-12-04T14:00:09.123Z")).isNotNull();
        assertThat(VersionHistory.parseTime("yesterday")).isNull();
        assertThat(of("[]").newest()).isNull();
    }
}
