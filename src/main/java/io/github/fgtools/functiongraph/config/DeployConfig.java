package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CloudSettings;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;
import io.github.fgtools.functiongraph.packaging.Timestamps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything {@code deploy} needs, validated once: the function, the package inputs, where to send it and what to do.
 * Immutable; {@link Builder#build()} gathers every problem and throws once.
 */
public final class DeployConfig {
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern ALIAS = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,62}$");

    public final FunctionSpec function;
    public final CloudSettings cloud;
    /** The function jar: the project's main artifact, or {@code <artifactFile>}. */
    public final Path artifactFile;
    public final List<Path> dependencyJars;
    public final boolean includeDependencies;
    public final Path codeDirectory;
    /** Patterns of the files of {@link #codeDirectory} to package; empty: all. */
    public final List<String> includes;
    /** Patterns of the files of {@link #codeDirectory} to leave out, besides Maven's default excludes. */
    public final List<String> excludes;
    public final long outputTimestampMillis;
    /** Set explicitly by the user, or null to derive. */
    public final String codeType;
    public final Path outputDirectory;
    public final String obsBucket;
    public final String obsObjectKey;
    public final boolean dryRun;
    public final boolean updateExisting;
    public final boolean publishVersion;
    public final String versionDescription;
    public final String alias;
    public final Integer canaryWeight;
    /** The name to publish the version under, or null: the service names it ({@code v20261204-142128}). */
    public final String versionName;
    /** After publishing, keep this many newest versions (and every aliased one); null: keep all. */
    public final Integer keepVersions;
    /** The triggers the POM declares, validated; empty: the function's triggers are left alone. */
    public final List<TriggerSpec> triggers;
    /** The qualifier the triggers attach to: {@code triggerQualifier}, else the alias, else {@code latest}. */
    public final String triggerQualifier;
    public final boolean pruneTriggers;
    /** {@code maxInstances} and {@code concurrencyPerInstance}, validated; empty: left alone. */
    public final ScalingSpec scaling;
    /** Reserved instances on the alias or latest; empty: left alone. */
    public final ReservedSpec reserved;
    /** The function's tags the POM declares, by key; empty: tags are left alone. Others are always kept. */
    public final java.util.Map<String, String> tags;
    public final List<String> warnings;

    private DeployConfig(Builder b, CloudSettings cloud, long outputTimestampMillis, List<TriggerSpec> triggers,
            List<String> warnings) {
        this.triggers = Collections.unmodifiableList(triggers);
        this.triggerQualifier = b.triggerQualifier != null ? b.triggerQualifier
                : b.alias != null ? b.alias : "latest";
        this.pruneTriggers = b.pruneTriggers;
        this.scaling = b.scaling;
        this.reserved = b.reserved;
        this.tags = Collections.unmodifiableMap(b.checkedTags);
        this.function = b.function;
        this.cloud = cloud;
        this.artifactFile = b.artifactFile;
        this.dependencyJars = Collections.unmodifiableList(new ArrayList<>(b.dependencyJars));
        this.includeDependencies = b.includeDependencies;
        this.codeDirectory = b.codeDirectory;
        this.includes = copy(b.includes);
        this.excludes = copy(b.excludes);
        this.outputTimestampMillis = outputTimestampMillis;
        this.codeType = b.codeType;
        this.outputDirectory = b.outputDirectory;
        this.obsBucket = b.obsBucket;
        this.obsObjectKey = b.obsObjectKey;
        this.dryRun = b.dryRun;
        this.updateExisting = b.updateExisting;
        this.publishVersion = b.publishVersion || b.alias != null || b.versionName != null;
        this.versionDescription = b.versionDescription;
        this.alias = b.alias;
        this.canaryWeight = b.canaryWeight;
        this.versionName = b.versionName;
        this.keepVersions = b.keepVersions;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    private static List<String> copy(List<String> patterns) {
        List<String> out = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns) {
                if (Text.blankToNull(p) != null) {
                    out.add(p.trim());
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The code type to send: explicit, else obs with a bucket, else jar for the artifact alone, else zip. */
    public String effectiveCodeType() {
        if (codeType != null) {
            return codeType;
        }
        if (obsBucket != null) {
            return "obs";
        }
        return packageIsJarAlone() ? "jar" : "zip";
    }

    /** True when the package is the function jar alone (no dependencies to add, no code directory). */
    public boolean packageIsJarAlone() {
        return codeDirectory == null && (!includeDependencies || dependencyJars.isEmpty());
    }

    public static final class Builder {
        private FunctionSpec function;
        private CloudConfig cloud = CloudConfig.builder();
        private Path artifactFile;
        private List<Path> dependencyJars = new ArrayList<>();
        private boolean includeDependencies = true;
        private Path codeDirectory;
        private List<String> includes;
        private List<String> excludes;
        private String outputTimestamp;
        private String codeType;
        private Path outputDirectory;
        private String obsBucket;
        private String obsObjectKey;
        private boolean dryRun;
        private boolean updateExisting = true;
        private boolean publishVersion;
        private String versionDescription;
        private String alias;
        private Integer canaryWeight;
        private String versionName;
        private Integer keepVersions;
        private List<TriggerConfig> triggers;
        private String triggerQualifier;
        private boolean pruneTriggers;
        private Integer maxInstances;
        private Integer concurrencyPerInstance;
        private boolean allowDisable;
        private ScalingSpec scaling;
        private Integer reservedInstances;
        private Boolean reservedIdleMode;
        private ReservedSpec reserved;
        private java.util.Map<String, String> tags;
        private java.util.Map<String, String> checkedTags;
        private final Problems problems = new Problems();


        public Builder function(FunctionSpec v) { function = v; return this; }
        public Builder cloud(CloudConfig v) { cloud = v; return this; }
        public Builder artifactFile(Path v) { artifactFile = v; return this; }
        public Builder dependencyJars(List<Path> v) { dependencyJars = v == null ? new ArrayList<>() : v; return this; }
        public Builder includeDependencies(boolean v) { includeDependencies = v; return this; }
        public Builder codeDirectory(Path v) { codeDirectory = v; return this; }
        public Builder includes(List<String> v) { includes = v; return this; }
        public Builder excludes(List<String> v) { excludes = v; return this; }
        /** {@code project.build.outputTimestamp} as Maven gives it (null: the packager's fixed default). */
        public Builder outputTimestamp(String v) { outputTimestamp = v; return this; }
        public Builder codeType(String v) { codeType = Text.blankToNull(v); return this; }
        public Builder outputDirectory(Path v) { outputDirectory = v; return this; }
        public Builder obsBucket(String v) { obsBucket = Text.blankToNull(v); return this; }
        public Builder obsObjectKey(String v) { obsObjectKey = Text.blankToNull(v); return this; }
        public Builder dryRun(boolean v) { dryRun = v; return this; }
        public Builder updateExisting(boolean v) { updateExisting = v; return this; }
        public Builder publishVersion(boolean v) { publishVersion = v; return this; }
        public Builder versionDescription(String v) { versionDescription = Text.blankToNull(v); return this; }
        public Builder alias(String v) { alias = Text.blankToNull(v); return this; }
        public Builder canaryWeight(Integer v) { canaryWeight = v; return this; }
        /** Publishes under this name (implies publishing). */
        public Builder versionName(String v) { versionName = Text.blankToNull(v); return this; }
        public Builder keepVersions(Integer v) { keepVersions = v; return this; }
        public Builder triggers(List<TriggerConfig> v) { triggers = v; return this; }
        public Builder triggerQualifier(String v) { triggerQualifier = Text.blankToNull(v); return this; }
        public Builder pruneTriggers(boolean v) { pruneTriggers = v; return this; }
        public Builder maxInstances(Integer v) { maxInstances = v; return this; }
        public Builder concurrencyPerInstance(Integer v) { concurrencyPerInstance = v; return this; }
        public Builder allowDisable(boolean v) { allowDisable = v; return this; }
        public Builder reservedInstances(Integer v) { reservedInstances = v; return this; }
        public Builder reservedIdleMode(Boolean v) { reservedIdleMode = v; return this; }
        public Builder tags(java.util.Map<String, String> v) { tags = v; return this; }

        public DeployConfig build() throws InvalidConfigurationException {
            if (function == null) {
                function = FunctionSpec.builder().build();
            }
            function.validate(problems);
            CloudSettings settings = cloud.build(problems);
            // a container-image function has no code package: not what this plugin deploys (yet)
            String noImages = "not supported by functiongraph:deploy, which deploys code packages: create "
                    + "container-image functions in the console or with Terraform, or use the runtime 'Custom' or "
                    + "'http' with a code package";
            if (FunctionRules.isCustomImage(function.runtime)) {
                problems.add(Setting.RUNTIME, function.runtime, noImages);
            }
            if ("Custom-Image-Swr".equals(codeType)) {
                problems.add(Setting.CODE_TYPE, codeType, noImages);
            }
            if (codeType != null && !FunctionRules.CODE_TYPES.contains(codeType)) {
                problems.add(Setting.CODE_TYPE, codeType, "one of " + FunctionRules.CODE_TYPES
                        + ", or leave it unset to derive it");
            } else if (codeType != null) {
                if (codeType.equals("obs") && obsBucket == null) {
                    problems.add(Setting.CODE_TYPE, codeType, "needs " + Setting.OBS_BUCKET);
                }
                if (codeType.equals("inline")) {
                    problems.add(Setting.CODE_TYPE, codeType, "'inline' is the console's editor; use zip, jar or obs");
                }
                if (obsBucket != null && !codeType.equals("obs")) {
                    problems.add(Setting.CODE_TYPE, codeType, "must be 'obs' (or unset) when " + Setting.OBS_BUCKET + " is set");
                }
                if (codeType.equals("jar") && codeDirectory != null) {
                    problems.add(Setting.CODE_TYPE, codeType, "'jar' does not go with " + Setting.CODE_DIRECTORY + ": use zip");
                }
                if (codeType.equals("jar") && codeDirectory == null && includeDependencies && !dependencyJars.isEmpty()) {
                    problems.add(Setting.CODE_TYPE, codeType, "'jar' sends the artifact alone, but there are "
                            + dependencyJars.size() + " runtime dependencies: set " + Setting.INCLUDE_DEPENDENCIES + " = false"
                            + " (e.g. for a shaded jar) or use zip");
                }
            }
            if (codeDirectory != null) {
                if (!Files.isDirectory(codeDirectory)) {
                    problems.add(Setting.CODE_DIRECTORY, codeDirectory.toString(), "an existing folder to zip");
                }
            } else {
                if (artifactFile == null || !Files.isRegularFile(artifactFile)) {
                    problems.add(Setting.ARTIFACT_FILE, artifactFile == null ? null : artifactFile.toString(),
                            "the jar to deploy does not exist: run `mvn package functiongraph:deploy` (the package "
                                    + "phase builds it), or set " + Setting.ARTIFACT_FILE);
                }
            }
            if (obsBucket != null && !BUCKET.matcher(obsBucket).matches()) {
                problems.add(Setting.OBS_BUCKET, obsBucket, "an OBS bucket name: 3–63 lowercase letters, digits, '.' or '-'");
            }
            if (obsObjectKey != null && (obsObjectKey.startsWith("/") || obsObjectKey.length() > 1024)) {
                problems.add(Setting.OBS_OBJECT_KEY, obsObjectKey, "an object key without a leading '/', at most 1024 characters");
            }
            if (obsObjectKey != null && obsBucket == null) {
                problems.add(Setting.OBS_OBJECT_KEY, obsObjectKey, "needs " + Setting.OBS_BUCKET);
            }
            if (alias != null && (!ALIAS.matcher(alias).matches() || alias.equals("latest"))) {
                problems.add(Setting.ALIAS, alias, "a letter, then up to 62 letters, digits, '_' or '-' (not 'latest')");
            }
            if (canaryWeight != null) {
                if (canaryWeight < 1 || canaryWeight > 99) {
                    problems.add(Setting.CANARY_WEIGHT, canaryWeight, "between 1 and 99 (percent to the new version)");
                }
                if (alias == null) {
                    problems.add(Setting.CANARY_WEIGHT, canaryWeight, "needs " + Setting.ALIAS + ": the weight splits an alias");
                }
            }
            FunctionRules.checkVersionName(problems, versionName);
            if (keepVersions != null) {
                if (keepVersions < 1) {
                    problems.add(Setting.KEEP_VERSIONS, keepVersions, "at least 1: the newest versions to keep "
                            + "(aliased versions are always kept); leave it unset to keep all");
                } else if (!publishVersion && alias == null && versionName == null) {
                    problems.warn(Setting.KEEP_VERSIONS, keepVersions, "applies after publishing a version: set "
                            + Setting.PUBLISH_VERSION + ", " + Setting.ALIAS + " or " + Setting.VERSION_NAME
                            + "; nothing is deleted this time");
                }
            }
            if (versionDescription != null && versionDescription.length() > 512) {
                problems.add(Setting.VERSION_DESCRIPTION, versionDescription.length() + " characters", "at most 512 characters");
            }
            if (outputDirectory == null) {
                problems.add("the output directory (target/functiongraph) is not set");
            }
            long entryTime = 0;
            try {
                entryTime = Timestamps.parseOutputTimestamp(outputTimestamp);
            } catch (IllegalArgumentException e) {
                problems.add(Setting.OUTPUT_TIMESTAMP, outputTimestamp, e.getMessage());
            }
            List<String> inc = copy(includes);
            List<String> exc = copy(excludes);
            if (codeDirectory == null && !(inc.isEmpty() && exc.isEmpty())) {
                problems.add(inc.isEmpty() ? Setting.EXCLUDES : Setting.INCLUDES, String.join(", ",
                        inc.isEmpty() ? exc : inc), "patterns apply to " + Setting.CODE_DIRECTORY
                        + " only; set it, or remove them");
            }
            List<TriggerSpec> specs = triggers();
            scaling = ScalingSpec.of(maxInstances, concurrencyPerInstance, allowDisable, problems);
            checkedTags = TagRules.check(tags, problems);
            reserved = ReservedSpec.of(reservedInstances, reservedIdleMode, alias, maxInstances, problems);
            problems.throwIfAny("Invalid functiongraph:deploy configuration");
            return new DeployConfig(this, settings, entryTime, specs, new ArrayList<>(problems.warnings()));
        }

        private List<TriggerSpec> triggers() {
            List<TriggerSpec> specs = new ArrayList<>();
            if (triggers != null) {
                int i = 0;
                for (TriggerConfig c : triggers) {
                    i++;
                    TriggerSpec t = c == null ? null : TriggerSpec.of(c, i, problems);
                    if (t == null) {
                        continue;
                    }
                    for (TriggerSpec other : specs) {
                        if (other.type.equals(t.type) && TriggerIdentity.same(other, t.eventData())) {
                            problems.add(Setting.TRIGGERS, t.describe(), "trigger " + i + " has the identity of an "
                                    + "earlier one (" + String.join(", ", t.identityFields()) + "): name each trigger "
                                    + "once");
                        }
                    }
                    specs.add(t);
                }
            }
            if (triggerQualifier != null && !triggerQualifier.equals("latest")
                    && !ALIAS.matcher(triggerQualifier).matches() && !triggerQualifier.matches("[0-9]+")) {
                problems.add(Setting.TRIGGER_QUALIFIER, triggerQualifier, "'latest', a version or an alias name");
            }
            return specs;
        }
    }
}
