package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.ApiException;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.config.DeployConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Versions and aliases: publish after an update (under the service's name or the user's {@code versionName}), reuse
 * a version when nothing changed, move an alias wholly or split it for a canary.
 *
 * <p>Version names are never read as numbers: the service names a version from the time of publishing
 * ({@code v20261204-142128}), a user as they like ({@code 1.4.0}). "The newest version" is the one the service
 * published last ({@link VersionHistory}).
 */
final class Releases {
    private static final Pattern VERSION_LIMIT = Pattern.compile("limit|exceed|max|at most|too many|quota");
    private static final int SHOWN_VALUE = 60;
    private final FunctionGraphClient fg;
    private final Reporter reporter;

    Releases(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    private VersionHistory history(FunctionUrn urn) throws FunctionGraphException {
        return VersionHistory.of(fg.listVersions(urn.unqualified()));
    }

    /**
     * Whether {@code versionName} can be reused: false when no version has that name; true when one has, with the
     * package's code digest and the POM's configuration; otherwise throws, naming the version and what differs
     * (versions are immutable). Called before anything is changed, so that a refusal leaves the function as it was.
     */
    boolean namedVersionMatches(FunctionUrn urn, DeployConfig config, String digest) throws FunctionGraphException {
        VersionHistory.Version existing = history(urn).find(config.versionName);
        if (existing == null) {
            return false;
        }
        List<String> differences = differences(urn, existing, config, digest);
        if (differences.isEmpty()) {
            return true;
        }
        throw new FunctionGraphException("Version " + existing.name + " of " + config.function.functionName
                + " exists already and differs from this deploy in " + String.join("; ", differences)
                + ". Versions are immutable: publish under another " + Setting.VERSION_NAME + " (e.g. raise the "
                + "project's version), or leave it unset to let FunctionGraph name the version.");
    }

    /**
     * What differs between a published version and this deploy: its code digest, and the configuration fields the
     * POM sets. The version's whole configuration is read (ShowFunctionConfig of {@code <urn>:<version>}): list
     * entries leave some fields out. What ShowFunctionConfig does not show ({@code encrypted_user_data} in clear,
     * {@code domain_names}, the restore hook) cannot be compared.
     */
    private List<String> differences(FunctionUrn urn, VersionHistory.Version version, DeployConfig config,
            String digest) throws FunctionGraphException {
        ObjectNode shown = fg.showConfig(urn.version(version.name));
        ObjectNode theirs = shown != null ? shown : version.entry;
        List<String> out = new ArrayList<>();
        String theirDigest = theirs.path("digest").asText(version.digest());
        if (!theirDigest.equalsIgnoreCase(digest)) {
            out.add("code (digest " + DeployService.shortDigest(theirDigest) + " in the version, "
                    + DeployService.shortDigest(digest) + " in this package)");
        }
        ObjectNode ours = RequestBodies.JSON.valueToTree(RequestBodies.config(config.function));
        for (String field : RequestBodies.differences(theirs, config.function)) {
            if (RequestBodies.isShown(theirs, field)) {
                out.add(field + " (" + shown(theirs.get(field)) + " in the version, " + shown(ours.get(field))
                        + " in the POM)");
            }
        }
        return out;
    }

    private static String shown(JsonNode value) {
        String text = value == null || value.isNull() ? "unset" : value.isTextual() ? "'" + value.asText() + "'"
                : value.toString();
        return text.length() > SHOWN_VALUE ? text.substring(0, SHOWN_VALUE) + "…" : text;
    }

    /**
     * Publishes a version, or reuses one: the named version when {@code namedMatches}, or the newest when nothing
     * changed since it. Returns the version's name.
     */
    String publish(FunctionUrn urn, DeployConfig config, String digest, boolean namedMatches, List<String> changes)
            throws FunctionGraphException {
        if (config.versionName != null && namedMatches) {
            reporter.info("Version " + config.versionName + " exists with this code and configuration: reusing it");
            return config.versionName;
        }
        if (changes.isEmpty() && config.versionName == null) {
            VersionHistory.Version newest = history(urn).newest();
            if (newest != null && sameAs(newest, config, digest)) {
                reporter.info("Nothing changed: reusing version " + newest.name);
                return newest.name;
            }
        }
        try {
            return create(urn, config, changes);
        } catch (ApiException e) {
            if (e.is(400, "FSS.1016")) {
                // the service publishes nothing unchanged since its last version: that version is this deploy's
                VersionHistory.Version newest = history(urn).newest();
                if (newest != null) {
                    if (config.versionName != null) {
                        reporter.warn("Nothing changed since version " + newest.name + ", and FunctionGraph publishes "
                                + "no version without a change (400 FSS.1016): using version " + newest.name
                                + " rather than a new '" + config.versionName + "'");
                    } else {
                        reporter.info("No change since the last version: reusing version " + newest.name);
                    }
                    return newest.name;
                }
            }
            if (e.is(409, "FSS.1062") && config.versionName != null
                    && namedVersionMatches(urn, config, digest)) {
                reporter.info("Version " + config.versionName + " was published meanwhile, with this code and "
                        + "configuration: reusing it");
                return config.versionName;
            }
            if (isVersionLimit(e)) {
                return publishAtTheLimit(urn, config, changes, e);
            }
            throw e;
        }
    }

    /** At FunctionGraph's version limit: with {@code keepVersions}, makes room and publishes once more. */
    private String publishAtTheLimit(FunctionUrn urn, DeployConfig config, List<String> changes, ApiException e)
            throws FunctionGraphException {
        String nl = System.lineSeparator();
        if (config.keepVersions == null) {
            throw new FunctionGraphException(e.getMessage() + nl + "FunctionGraph keeps at most 20 versions per "
                    + "function (latest included). Set " + Setting.KEEP_VERSIONS + " (e.g. 10) to delete the oldest "
                    + "versions no alias points at after each publish, or delete versions in the console (the "
                    + "function's Versions tab), then run again.", true, e);
        }
        reporter.info("FunctionGraph's version limit is reached: deleting old versions before publishing ("
                + Setting.KEEP_VERSIONS + " " + config.keepVersions + ")");
        int deleted = new VersionPruning(fg, reporter).prune(urn, Math.max(config.keepVersions - 1, 1), null,
                changes);
        if (deleted > 0) {
            try {
                return create(urn, config, changes);
            } catch (ApiException again) {
                if (!isVersionLimit(again)) {
                    throw again;
                }
                e = again;
            }
        }
        throw new FunctionGraphException(e.getMessage() + nl + "FunctionGraph keeps at most 20 versions per "
                + "function (latest included), and no more of them can go: the older ones have aliases on them. "
                + "Move or delete aliases, or delete versions in the console (the function's Versions tab), then run "
                + "again.", true, e);
    }

    private static boolean isVersionLimit(ApiException e) {
        String msg = e.errorMsg() == null ? "" : e.errorMsg().toLowerCase(Locale.ROOT);
        return e.status() < 500 && msg.contains("version") && VERSION_LIMIT.matcher(msg).find();
    }

    /** True when the newest version has the package's digest and the POM's configuration, as far as the list shows. */
    private static boolean sameAs(VersionHistory.Version newest, DeployConfig config, String digest) {
        if (!newest.digest().equalsIgnoreCase(digest)) {
            return false;
        }
        for (String field : RequestBodies.differences(newest.entry, config.function)) {
            if (!"encrypted_user_data".equals(field)) {
                return false; // or a field the list leaves out: publishing tells (FSS.1016 when unchanged)
            }
        }
        return true;
    }

    private String create(FunctionUrn urn, DeployConfig config, List<String> changes) throws FunctionGraphException {
        reporter.info("Publishing version" + (config.versionName != null ? " " + config.versionName : "")
                + (config.versionDescription != null ? " (" + config.versionDescription + ")" : ""));
        ObjectNode body = RequestBodies.JSON.createObjectNode();
        if (config.versionName != null) {
            body.put("version", config.versionName);
        }
        if (config.versionDescription != null) {
            body.put("description", config.versionDescription);
        }
        ObjectNode published = fg.publishVersion(urn.unqualified(), body);
        String version = published.path("version").asText("");
        if (version.isEmpty()) {
            VersionHistory.Version newest = config.versionName != null ? null : history(urn).newest();
            version = config.versionName != null ? config.versionName : newest == null ? "" : newest.name;
        }
        changes.add("version " + version + " published");
        return version;
    }

    /** Creates the alias on {@code version}, or moves it; with a canary weight it stays and sends a share over. */
    void pointAlias(FunctionUrn urn, String alias, String version, Integer canaryWeight, List<String> changes)
            throws FunctionGraphException {
        ObjectNode existing = fg.showAlias(urn.unqualified(), alias);
        if (existing == null) {
            if (canaryWeight != null) {
                reporter.warn("Alias " + alias + " is new: it points wholly at version " + version
                        + "; " + Setting.CANARY_WEIGHT + " applies from the next version on");
            }
            ObjectNode body = RequestBodies.JSON.createObjectNode();
            body.put("name", alias);
            body.put("version", version);
            reporter.info("Creating alias " + alias + " -> version " + version);
            try {
                fg.createAlias(urn.unqualified(), body);
                changes.add("alias " + alias + " created on version " + version);
                return;
            } catch (ApiException e) {
                existing = e.is(409, "FSS.1063") ? fg.showAlias(urn.unqualified(), alias) : null;
                if (existing == null) {
                    throw e;
                }
                reporter.warn("Alias " + alias + " was created elsewhere meanwhile (409 FSS.1063): moving it instead");
            }
        }
        String current = existing.path("version").asText("");
        ObjectNode body = RequestBodies.JSON.createObjectNode();
        ObjectNode weights = RequestBodies.JSON.createObjectNode();
        String describe;
        if (canaryWeight != null && !current.equals(version)) {
            body.put("version", current);
            weights.put(version, canaryWeight);
            describe = "alias " + alias + " stays on version " + current + ", " + canaryWeight + "% to version "
                    + version;
        } else {
            body.put("version", version);
            describe = "alias " + alias + " moved wholly to version " + version;
        }
        body.set("additional_version_weights", weights);
        if (current.equals(body.get("version").asText()) && sameWeights(existing.get("additional_version_weights"),
                weights)) {
            reporter.info("Alias " + alias + " already " + (weights.size() == 0 ? "on version " + current
                    : "splits " + weights));
            return;
        }
        reporter.info(Character.toUpperCase(describe.charAt(0)) + describe.substring(1));
        fg.updateAlias(urn.unqualified(), alias, body);
        changes.add(describe);
    }

    private static boolean sameWeights(JsonNode current, ObjectNode desired) {
        if (current == null || current.isNull() || current.size() == 0) {
            return desired.size() == 0;
        }
        if (current.size() != desired.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = current.get(e.getKey());
            if (c == null || c.asInt() != e.getValue().asInt()) {
                return false;
            }
        }
        return true;
    }
}
