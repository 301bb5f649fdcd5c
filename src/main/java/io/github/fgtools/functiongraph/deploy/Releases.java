package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.ApiException;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.config.DeployConfig;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Versions and aliases: publish after an update, move an alias wholly or split it for a canary. */
final class Releases {
    private static final java.util.regex.Pattern VERSION_LIMIT =
            java.util.regex.Pattern.compile("limit|exceed|max|at most|too many|quota");
    private final FunctionGraphClient fg;
    private final Reporter reporter;

    Releases(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /** Publishes a version, or reuses the newest one when nothing changed since it. Returns the version. */
    String publish(FunctionUrn urn, DeployConfig config, List<String> changes) throws FunctionGraphException {
        if (changes.isEmpty()) {
            String newest = newestVersion(urn);
            if (newest != null) {
                reporter.info("Nothing changed: reusing version " + newest);
                return newest;
            }
        }
        reporter.info("Publishing version" + (config.versionDescription != null ? " (" + config.versionDescription + ")"
                : ""));
        ObjectNode body = RequestBodies.JSON.createObjectNode();
        if (config.versionDescription != null) {
            body.put("description", config.versionDescription);
        }
        try {
            ObjectNode published = fg.publishVersion(urn.unqualified(), body);
            String version = published.path("version").asText(null);
            if (version == null || version.isEmpty()) {
                version = newestVersion(urn);
            }
            changes.add("version " + version + " published");
            return version;
        } catch (ApiException e) {
            if (e.is(400, "FSS.1016")) {
                String newest = newestVersion(urn);
                if (newest != null) {
                    reporter.info("No change since the last version: reusing version " + newest);
                    return newest;
                }
            }
            String msg = e.errorMsg() == null ? "" : e.errorMsg().toLowerCase(Locale.ROOT);
            if (msg.contains("version") && VERSION_LIMIT.matcher(msg).find()) {
                throw new FunctionGraphException(e.getMessage() + System.lineSeparator() + "FunctionGraph keeps at "
                        + "most 20 versions per function: delete versions no alias uses (console: the function's "
                        + "Versions tab), then run again.", true, e);
            }
            throw e;
        }
    }

    private String newestVersion(FunctionUrn urn) throws FunctionGraphException {
        ObjectNode list = fg.listVersions(urn.unqualified());
        String newest = null;
        long best = -1;
        for (JsonNode v : list.path("versions")) {
            String name = v.path("version").asText("");
            try {
                long n = Long.parseLong(name);
                if (n > best) {
                    best = n;
                    newest = name;
                }
            } catch (NumberFormatException notNumeric) {
                // "latest" and named versions are skipped
            }
        }
        return newest;
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
