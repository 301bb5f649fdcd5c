package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.ApiException;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.client.ObsClient;
import io.github.fgtools.functiongraph.client.model.CodeFile;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.TriggerSpec;
import io.github.fgtools.functiongraph.packaging.CodePackage;
import io.github.fgtools.functiongraph.packaging.CodePackager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Packages, then creates the function or updates code and configuration of an existing one, then optionally publishes
 * a version and points an alias at it. Knows nothing of Maven.
 */
public final class DeployService {
    public static final long INLINE_LIMIT = 50L * 1024 * 1024;
    public static final long OBS_LIMIT = 300L * 1024 * 1024;

    private final Reporter reporter;
    private final CodePackager packager = new CodePackager();

    public DeployService(Reporter reporter) {
        this.reporter = reporter;
    }

    public DeployResult deploy(DeployConfig config, CloudSession.CredentialsSupplier credentials) throws FunctionGraphException {
        for (String warning : config.warnings) {
            reporter.warn(warning);
        }
        FunctionSpec f = config.function;
        long started = System.nanoTime();
        ClassFileCheck.check(config, reporter);
        CodePackage pkg = pack(config);
        long packed = System.nanoTime();
        String codeType = config.effectiveCodeType();
        checkSize(config, pkg, codeType);
        String objectKey = "obs".equals(codeType) ? objectKey(config, pkg) : null;
        String codeUrl = objectKey == null ? null : ObsClient.codeUrl(config.cloud, config.obsBucket, objectKey);

        if (config.dryRun) {
            return dryRun(config, pkg, codeType, codeUrl);
        }
        List<String> changes = new ArrayList<>();
        List<Map<String, Object>> triggerResults = new ArrayList<>();
        try (CloudSession cloud = CloudSession.open(config.cloud, credentials, reporter)) {
            FunctionUrn urn = cloud.urn(f.functionPackage, f.functionName);
            try {
                FunctionGraphClient fg = cloud.functionGraph;
                ObsClient obs = cloud.obs;

                ObjectNode current = fg.showConfig(urn.latest());
                Releases releases = new Releases(fg, reporter);
                // a version name that exists must match before anything changes: versions are immutable
                boolean namedVersionMatches = current != null && config.publishVersion && config.versionName != null
                        && releases.namedVersionMatches(urn, config, pkg.sha512Hex());
                String action = null;
                if (current == null) {
                    uploadToObs(config, obs, pkg, objectKey, changes);
                    reporter.info("Creating function " + f.functionName + " (" + f.runtime + ", " + f.memorySize
                            + " MB, code " + codeType + ", " + mb(pkg.size()) + ")");
                    try {
                        ObjectNode created = fg.create(RequestBodies.create(f, codeType, pkg.fileName(), codeUrl,
                                RequestBodies.inlineCode(codeType, pkg)), urn.latest());
                        changes.add("function created");
                        action = "created";
                        configureAfterCreate(fg, urn, created, f, changes);
                    } catch (ApiException e) {
                        current = e.is(409, "FSS.1061") ? fg.showConfig(urn.latest()) : null;
                        if (current == null) {
                            throw e;
                        }
                        reporter.warn("Function " + f.functionName + " was created elsewhere meanwhile (409 "
                                + "FSS.1061): updating it instead");
                    }
                }
                if (action == null) {
                    action = update(config, fg, obs, urn, current, pkg, codeType, objectKey, codeUrl, changes);
                }
                if (!config.scaling.isEmpty() || !config.tags.isEmpty()) {
                    int beforeSettings = changes.size();
                    ObjectNode now = fg.showConfig(urn.latest());
                    if (!config.scaling.isEmpty()) {
                        new ScalingReconciler(fg, reporter).apply(urn, f, now,
                                ScalingReconciler.plan(config.scaling, now), changes);
                    }
                    if (!config.tags.isEmpty()) {
                        new TagReconciler(fg, reporter).apply(TagReconciler.resourceId(now, urn), config.tags,
                                changes);
                    }
                    if ("unchanged".equals(action) && changes.size() > beforeSettings) {
                        action = "updated";
                    }
                }
                String version = "latest";
                if (config.publishVersion) {
                    version = releases.publish(urn, config, pkg.sha512Hex(), namedVersionMatches, changes);
                    if (config.alias != null) {
                        releases.pointAlias(urn, config.alias, version, config.canaryWeight, changes);
                    }
                    if (config.keepVersions != null) {
                        new VersionPruning(fg, reporter).prune(urn, config.keepVersions, version, changes);
                    }
                }
                if (!config.reserved.isEmpty()) {
                    int beforeReserved = changes.size();
                    new ReservedInstances(fg, reporter).apply(urn, config.reserved, changes);
                    if ("unchanged".equals(action) && changes.size() > beforeReserved) {
                        action = "updated";
                    }
                }
                int before = changes.size();
                List<Map<String, Object>> triggers = triggers(config, fg, urn, changes, triggerResults);
                if ("unchanged".equals(action) && changes.size() > before) {
                    action = "updated";
                }
                DeployResult result = new DeployResult(action, urn.latest(), version, config.alias, codeType,
                        pkg.size(), pkg.sha512Hex(), changes, consoleUrl(config.cloud.region, f), triggers);
                writeResult(config, result);
                summary(result, f);
                long done = System.nanoTime();
                reporter.info(String.format(Locale.ROOT, "Deploy took %.2f s (packaging %.2f s, cloud %.2f s)",
                        (done - started) / 1e9, (packed - started) / 1e9, (done - packed) / 1e9));
                return result;
            } catch (FunctionGraphException e) {
                throw partial(config, urn, pkg, codeType, changes, triggerResults, e);
            }
        }
    }

    /**
     * Sends what CreateFunction does not take (ephemeral storage, class isolation, the heartbeat and restore hooks,
     * auth in header, domain names) in an UpdateFunctionConfig right after the create, as the service takes them.
     */
    private void configureAfterCreate(FunctionGraphClient fg, FunctionUrn urn, ObjectNode created, FunctionSpec f,
            List<String> changes) throws FunctionGraphException {
        List<String> rest = RequestBodies.settingsCreateDoesNotTake(f);
        if (rest.isEmpty()) {
            return;
        }
        reporter.info("Configuring " + f.functionName + " with what CreateFunction does not take ("
                + String.join(", ", rest) + ")");
        fg.updateConfig(urn.latest(), RequestBodies.mergedConfig(created, f));
        changes.add("configuration updated");
    }

    /**
     * Reconciles the triggers of {@link DeployConfig#triggerQualifier} when the POM declares any; {@code done} gets
     * each trigger as it lands, for a failure part-way.
     */
    private List<Map<String, Object>> triggers(DeployConfig config, FunctionGraphClient fg, FunctionUrn urn,
            List<String> changes, List<Map<String, Object>> done) throws FunctionGraphException {
        if (config.triggers.isEmpty() && !config.pruneTriggers) {
            return done;
        }
        String qualified = triggerUrn(urn, config.triggerQualifier);
        List<TriggerReconciler.Step> steps = TriggerReconciler.plan(config.triggers, fg.listTriggers(qualified),
                config.pruneTriggers);
        new TriggerReconciler(fg, reporter).apply(qualified, steps, changes, done);
        return done;
    }

    static String triggerUrn(FunctionUrn urn, String qualifier) {
        return qualifier.equals("latest") || qualifier.matches("[0-9]+") ? urn.version(qualifier)
                : urn.alias(qualifier);
    }

    /** Updates code (when its digest differs) and configuration (when a field the POM sets differs). */
    private String update(DeployConfig config, FunctionGraphClient fg, ObsClient obs, FunctionUrn urn,
            ObjectNode current, CodePackage pkg, String codeType, String objectKey, String codeUrl,
            List<String> changes) throws FunctionGraphException {
        FunctionSpec f = config.function;
        if (!config.updateExisting) {
            throw new FunctionGraphException("Function " + urn.latest() + " exists and " + Setting.UPDATE_EXISTING
                    + " is false: nothing was changed. Set it to true to "
                    + "update the function, or choose another " + Setting.FUNCTION_NAME + ".");
        }
        if (f.ltsCustomTags != null) {
            reporter.warn(Setting.LTS_CUSTOM_TAGS + " is applied when a function is created, not to the existing "
                    + f.functionName + ": FunctionGraph's UpdateFunctionConfig takes no lts_custom_tag (nor does "
                    + "any other update call), so its log tags stay as they are. Change them in the console, or "
                    + "remove " + Setting.LTS_CUSTOM_TAGS + " to silence this warning.");
        }
        String digest = current.path("digest").asText("");
        boolean codeChanged = !digest.equalsIgnoreCase(pkg.sha512Hex());
        boolean dependenciesChanged = RequestBodies.dependenciesDiffer(current, f);
        if (!codeChanged && !dependenciesChanged) {
            reporter.info("Code unchanged (digest " + shortDigest(digest) + "), not uploaded");
        } else {
            uploadToObs(config, obs, pkg, objectKey, changes);
            if (codeChanged) {
                reporter.info("Updating code of " + f.functionName + " (" + codeType + ", " + mb(pkg.size()) + ")");
            } else {
                reporter.info("Updating the dependencies of " + f.functionName + " (depend_version_list "
                        + RequestBodies.dependVersions(current) + " -> " + f.dependVersions + "): the code is "
                        + "unchanged, but UpdateFunctionCode is the call that takes them, so it is sent again");
            }
            fg.updateCode(urn.latest(), RequestBodies.updateCode(current, f, codeType, pkg.fileName(), codeUrl,
                    RequestBodies.inlineCode(codeType, pkg)));
            if (codeChanged) {
                changes.add("code updated");
            }
            if (dependenciesChanged) {
                changes.add("dependencies updated");
            }
        }
        List<String> differences = RequestBodies.differences(current, f);
        if (differences.isEmpty()) {
            reporter.info("Configuration unchanged");
        } else {
            List<String> unseen = new ArrayList<>();
            for (String field : differences) {
                if (!RequestBodies.isShown(current, field)) {
                    unseen.add(field);
                }
            }
            reporter.info("Updating configuration of " + f.functionName + " (" + String.join(", ", differences)
                    + ")" + (unseen.isEmpty() ? "" : "; ShowFunctionConfig does not show " + String.join(", ", unseen)
                    + " as set, so the POM's value is sent on every deploy"));
            fg.updateConfig(urn.latest(), RequestBodies.mergedConfig(current, f));
            changes.add("configuration updated");
        }
        return changes.isEmpty() ? "unchanged" : "updated";
    }

    private FunctionGraphException partial(DeployConfig config, FunctionUrn urn, CodePackage pkg, String codeType,
            List<String> changes, List<Map<String, Object>> triggers, FunctionGraphException e) {
        String done = changes.isEmpty() ? "nothing was changed in the cloud" : "already changed in the cloud: "
                + String.join(", ", changes) + "; nothing after that";
        try {
            writeResult(config, new DeployResult("failed", urn.latest(), null, config.alias, codeType, pkg.size(),
                    pkg.sha512Hex(), changes, null, triggers));
        } catch (FunctionGraphException ignored) {
            // the original error matters more
        }
        return new FunctionGraphException(e.getMessage() + System.lineSeparator() + "Deploy failed: " + done + ".",
                e.isUserError(), e);
    }

    private void uploadToObs(DeployConfig config, ObsClient obs, CodePackage pkg, String key, List<String> changes)
            throws FunctionGraphException {
        if (key == null) {
            return;
        }
        if (obs.exists(config.obsBucket, key, pkg.size(), pkg.md5Base64())) {
            reporter.info("Package already in OBS as " + config.obsBucket + "/" + key + " (same size and MD5), "
                    + "not uploaded again");
            return;
        }
        reporter.info("Uploading " + mb(pkg.size()) + " to OBS bucket " + config.obsBucket + " as " + key);
        obs.put(config.obsBucket, key, pkg.file(), contentType(pkg), pkg.sha256Hex(), pkg.md5Base64());
        changes.add("package uploaded to OBS (" + config.obsBucket + "/" + key + ")");
    }

    private static String contentType(CodePackage pkg) {
        return "jar".equals(pkg.type()) ? "application/java-archive" : "application/zip";
    }

    private CodePackage pack(DeployConfig config) throws FunctionGraphException {
        String name = config.function.functionName;
        try {
            Files.createDirectories(config.outputDirectory);
            CodePackage pkg;
            if (config.codeDirectory != null) {
                reporter.info("Packaging " + config.codeDirectory + " as " + name + ".zip");
                pkg = packager.zipDirectory(config.codeDirectory, config.includes, config.excludes,
                        config.outputDirectory.resolve(name + ".zip"), config.outputTimestampMillis);
            } else if (config.packageIsJarAlone() && !"zip".equals(config.codeType)) {
                reporter.info("Packaging " + config.artifactFile.getFileName() + " as " + name + ".jar");
                pkg = packager.copyJar(config.artifactFile, config.outputDirectory.resolve(name + ".jar"));
            } else {
                List<Path> deps = config.includeDependencies ? config.dependencyJars : new ArrayList<>();
                reporter.info("Packaging " + config.artifactFile.getFileName() + " and " + deps.size()
                        + (deps.size() == 1 ? " runtime dependency" : " runtime dependencies") + " as " + name + ".zip");
                pkg = packager.zip(config.artifactFile, deps, config.outputDirectory.resolve(name + ".zip"),
                        config.outputTimestampMillis);
            }
            reporter.debug("Package " + pkg.file() + ": " + pkg.size() + " bytes, sha256 " + pkg.sha256Hex());
            return pkg;
        } catch (IOException | IllegalArgumentException e) {
            throw new FunctionGraphException("Packaging failed: " + e.getMessage(), e instanceof IllegalArgumentException, e);
        }
    }

    private static void checkSize(DeployConfig config, CodePackage pkg, String codeType) throws FunctionGraphException {
        if (pkg.size() > OBS_LIMIT) {
            throw new FunctionGraphException("The package " + pkg.file() + " is " + mb(pkg.size())
                    + ", over FunctionGraph's limit of 300 MB even through OBS. Leave out what the function does not "
                    + "need (dependencies in provided scope, " + Setting.INCLUDE_DEPENDENCIES + " = false with a "
                    + "slimmer jar), or use a dependency layer (" + Setting.DEPEND_VERSIONS + ").");
        }
        if (!"obs".equals(codeType) && pkg.size() > INLINE_LIMIT) {
            throw new FunctionGraphException("The package " + pkg.file() + " is " + mb(pkg.size())
                    + ", over the 50 MB FunctionGraph takes inline. Set " + Setting.OBS_BUCKET + " to "
                    + "upload it through OBS (up to 300 MB). Nothing was sent.");
        }
    }

    private static String objectKey(DeployConfig config, CodePackage pkg) {
        if (config.obsObjectKey != null) {
            return config.obsObjectKey;
        }
        return "functiongraph/" + config.function.functionName + "/" + pkg.sha256Hex() + "." + pkg.type();
    }

    private static Object dryRunRequest(String method, String path, Object body) {
        ObjectNode r = Json.API.createObjectNode();
        r.put("method", method).put("path", path).set("body", Json.API.valueToTree(body));
        return r;
    }

    private DeployResult dryRun(DeployConfig config, CodePackage pkg, String codeType, String codeUrl)
            throws FunctionGraphException {
        FunctionSpec f = config.function;
        String projectId = config.cloud.projectId != null ? config.cloud.projectId : "<project_id>";
        FunctionUrn urn = new FunctionUrn(config.cloud.region, projectId, f.functionPackage, f.functionName);
        CodeFile code = RequestBodies.inlineCode(codeType, pkg);
        Path file = config.outputDirectory.resolve("request-create.json");
        Json.write(file, RequestBodies.forDisplay(RequestBodies.create(f, codeType, pkg.fileName(), codeUrl, code),
                pkg.size(), pkg.sha256Hex()));
        Json.write(config.outputDirectory.resolve("request-update-config.json"),
                RequestBodies.forDisplay(RequestBodies.config(f), pkg.size(), pkg.sha256Hex()));
        Json.write(config.outputDirectory.resolve("request-update-code.json"), RequestBodies.forDisplay(
                RequestBodies.updateCode(f, codeType, pkg.fileName(), codeUrl, code), pkg.size(), pkg.sha256Hex()));
        if (!config.triggers.isEmpty()) {
            List<Object> requests = new ArrayList<>();
            for (TriggerSpec t : config.triggers) {
                requests.add(Json.API.valueToTree(TriggerReconciler.createRequest(t)));
            }
            Json.write(config.outputDirectory.resolve("request-triggers.json"), TriggerReconciler.masked(requests));
            reporter.info("Dry run: would reconcile " + config.triggers.size() + " trigger(s) on "
                    + triggerUrn(urn, config.triggerQualifier) + " with POST " + config.cloud.endpoint + "/v2/"
                    + projectId + "/fgs/triggers/{function_urn} (request-triggers.json: what would be created)");
        }
        if (!config.scaling.isEmpty()) {
            List<Object> requests = new ArrayList<>();
            String base = "/v2/" + projectId + "/fgs/functions/" + urn.latest();
            if (config.scaling.maxInstances != null) {
                requests.add(dryRunRequest("PUT", base + "/config-max-instance",
                        ScalingReconciler.maxInstanceRequest(config.scaling.maxInstances)));
            }
            if (config.scaling.concurrencyPerInstance != null) {
                ObjectNode body = Json.API.createObjectNode();
                body.putObject("strategy_config").put("concurrent_num", config.scaling.concurrencyPerInstance);
                requests.add(dryRunRequest("PUT", base + "/config", body));
            }
            Json.write(config.outputDirectory.resolve("request-scaling.json"), requests);
            reporter.info("Dry run: would read the function's strategy_config and write what differs "
                    + "(request-scaling.json; the PUT …/config carries the whole configuration with it)");
        }
        if (!config.tags.isEmpty()) {
            List<Object> requests = new ArrayList<>();
            requests.add(dryRunRequest("POST", "/v2/" + projectId + "/functions/{func_id}/tags/create",
                    TagReconciler.request(config.tags)));
            Json.write(config.outputDirectory.resolve("request-tags.json"), requests);
            reporter.info("Dry run: would read the function's tags and add or change " + config.tags.size()
                    + " (request-tags.json: all of them; only those that differ are sent; others are kept)");
        }
        if (!config.reserved.isEmpty()) {
            List<Object> requests = new ArrayList<>();
            requests.add(dryRunRequest("PUT", "/v2/" + projectId + "/fgs/functions/"
                    + ReservedInstances.qualifiedUrn(urn, config.reserved.qualifier) + "/reservedinstances",
                    ReservedInstances.request(config.reserved, false)));
            Json.write(config.outputDirectory.resolve("request-reserved-instances.json"), requests);
            reporter.info("Dry run: would read the reserved instances of " + config.reserved.qualifier
                    + " and set them when they differ (request-reserved-instances.json)");
        }
        reporter.info("Dry run: function " + f.functionName + " (" + f.runtime + ", handler " + f.handler + ", "
                + f.memorySize + " MB, timeout " + f.timeout + " s), code " + codeType + " " + pkg.fileName() + " ("
                + mb(pkg.size()) + ", sha256 " + pkg.sha256Hex() + ")");
        reporter.info("Dry run: nothing sent. Would create " + urn.latest() + " with POST " + config.cloud.endpoint
                + "/v2/" + projectId + "/fgs/functions, or update it when it exists (PUT …/code, PUT …/config)");
        if (codeUrl != null) {
            reporter.info("Dry run: would upload " + mb(pkg.size()) + " to OBS as " + codeUrl);
        }
        if (config.publishVersion) {
            reporter.info("Dry run: would publish a version" + (config.versionName != null ? " named "
                    + config.versionName : "") + (config.alias != null ? " and point alias " + config.alias
                    + " at it" : "") + (config.keepVersions != null ? ", then delete versions older than the newest "
                    + config.keepVersions + " that no alias points at" : ""));
        }
        reporter.info("Dry run: requests written to " + file.getParent() + " (request-create.json, "
                + "request-update-code.json, request-update-config.json)");
        DeployResult result = new DeployResult("dry-run", urn.latest(), "latest", config.alias, codeType, pkg.size(),
                pkg.sha512Hex(), new ArrayList<String>(), null);
        writeResult(config, result);
        return result;
    }

    private void summary(DeployResult result, FunctionSpec f) {
        String what;
        switch (result.action) {
            case "created":
                what = "Created";
                break;
            case "unchanged":
                what = "Unchanged";
                break;
            default:
                what = "Updated";
        }
        reporter.info(what + " " + result.functionUrn + (result.changes.isEmpty() ? "" : " (" + String.join(", ",
                result.changes) + ")"));
        if (!"latest".equals(result.version)) {
            reporter.info("Version " + result.version + (result.alias != null ? ", alias " + result.alias : ""));
        }
        reporter.info("Console: " + result.consoleUrl);
        for (Map<String, Object> t : result.triggers) {
            if (t.get("invokeUrl") != null && !"deleted".equals(t.get("action"))) {
                reporter.info("Endpoint: " + t.get("invokeUrl"));
            }
        }
    }

    static String consoleUrl(String region, FunctionSpec f) {
        return "https://console.huaweicloud.com/functiongraph/?region=" + region + "#/serverless/functions/"
                + f.functionPackage + "/" + f.functionName;
    }

    void writeResult(DeployConfig config, DeployResult result) throws FunctionGraphException {
        // every key of the contract, null included, so that a pipeline can read any of them
        Json.write(config.outputDirectory.resolve("deploy-result.json"), result.toMap());
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static String shortDigest(String digest) {
        return digest.length() > 12 ? digest.substring(0, 12) + "…" : digest;
    }
}
