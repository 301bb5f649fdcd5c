package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code keepVersions}: deletes the published versions older than the newest N that no alias points at.
 *
 * <p>An alias points at its {@code version}, at each version of its {@code additional_version_weights} (a canary),
 * and at each version of its {@code additional_version_strategy}. Deleting a version deletes the aliases on it
 * (FunctionGraph user guide), so an aliased version is never deleted, however old; nor is {@code latest}, nor the
 * version this deploy published or reused. Pruning is housekeeping: a failure is a warning, never the deploy's.
 */
final class VersionPruning {
    private final FunctionGraphClient fg;
    private final Reporter reporter;

    VersionPruning(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /**
     * Deletes the versions older than the newest {@code keep} that no alias points at, oldest first, each listed
     * in {@code changes}; never {@code inUse}. Returns how many were deleted.
     */
    int prune(FunctionUrn urn, int keep, String inUse, List<String> changes) {
        String step = "deleting versions beyond " + Setting.KEEP_VERSIONS;
        int deleted = 0;
        try {
            VersionHistory history = VersionHistory.of(fg.listVersions(urn.unqualified()));
            List<VersionHistory.Version> all = history.oldestFirst();
            if (all.size() <= keep) {
                reporter.debug(all.size() + " published versions, " + keep + " to keep: none to delete");
                return 0;
            }
            List<VersionHistory.Version> older = all.subList(0, all.size() - keep);
            Map<String, Set<String>> aliased = aliasTargets(urn, older);
            List<VersionHistory.Version> doomed = new ArrayList<>();
            for (VersionHistory.Version v : older) {
                if (aliased.containsKey(v.name)) {
                    reporter.info("Keeping version " + v.name + ": alias " + String.join(", ", aliased.get(v.name))
                            + " points at it");
                } else if (!v.name.equals(inUse)) {
                    doomed.add(v);
                }
            }
            for (VersionHistory.Version v : doomed) {
                reporter.info("Deleting version " + v.name + " (older than the newest " + keep + ", no alias on it)");
                if (fg.deleteVersion(urn.version(v.name))) {
                    changes.add("version " + v.name + " deleted");
                    deleted++;
                }
            }
        } catch (FunctionGraphException e) {
            reporter.warn("Stopped " + step + " after " + deleted + (deleted == 1 ? " deletion" : " deletions")
                    + ": " + e.getMessage());
        }
        return deleted;
    }

    /**
     * The versions aliases point at, each with the aliases' names. When some of {@code candidates} look free, the
     * aliases whose list entry does not show {@code additional_version_strategy} are read one by one (their list
     * entry need not carry it), so that nothing an alias routes to is deleted.
     */
    private Map<String, Set<String>> aliasTargets(FunctionUrn urn, List<VersionHistory.Version> candidates)
            throws FunctionGraphException {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        List<String> unsure = new ArrayList<>();
        for (JsonNode alias : fg.listAliases(urn.unqualified())) {
            String name = alias.path("name").asText("");
            addTargets(targets, name, alias);
            if (!alias.has("additional_version_strategy")) {
                unsure.add(name);
            }
        }
        boolean anyFree = false;
        for (VersionHistory.Version v : candidates) {
            anyFree |= !targets.containsKey(v.name);
        }
        if (anyFree) {
            for (String name : unsure) {
                JsonNode alias = name.isEmpty() ? null : fg.showAlias(urn.unqualified(), name);
                if (alias != null) {
                    addTargets(targets, name, alias);
                }
            }
        }
        return targets;
    }

    private static void addTargets(Map<String, Set<String>> targets, String alias, JsonNode node) {
        String version = node.path("version").asText("");
        if (!version.isEmpty()) {
            targets.computeIfAbsent(version, k -> new LinkedHashSet<>()).add(alias);
        }
        for (String field : new String[] {"additional_version_weights", "additional_version_strategy"}) {
            Iterator<String> names = node.path(field).fieldNames();
            while (names.hasNext()) {
                targets.computeIfAbsent(names.next(), k -> new LinkedHashSet<>()).add(alias);
            }
        }
    }
}
