package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** What {@code invoke} sends, to which function and qualifier. Immutable; the payload is read and checked once. */
public final class InvokeConfig {
    /** The most FunctionGraph takes as a synchronous event. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Alias names: a letter first, then letters, digits, '_' or '-'; never a '.', never a digit first. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    /** The shape of the names FunctionGraph gives versions published without one: {@code v20261204-142128}. */
    private static final Pattern SERVICE_VERSION_NAME = Pattern.compile("v[0-9]{8}-[0-9]{6}([._-][A-Za-z0-9]+)*");

    /**
     * How a qualifier addresses the function. Versions and aliases share the URN's last field ({@code <urn>:<version>}
     * against {@code <urn>:!<alias>}) and their name rules overlap, so the rules of the API reference decide:
     * {@code latest} and a name that only a version can have (a '.' or a digit first, as in {@code 1.2.0}; or the
     * service's own {@code v20261204-142128} shape) are versions; a name that only an alias can have (longer than 42,
     * or ending in '_' or '-') is an alias; a name that could be either ({@code prod}, {@code release_7}) is tried as
     * an alias first, then as a version when no alias has that name.
     */
    public enum QualifierKind { VERSION, ALIAS, ALIAS_OR_VERSION }

    public final FunctionTarget target;
    /** {@code latest}, a version name, or an alias name. */
    public final String qualifier;
    public final Path outputDirectory;
    private final byte[] payload;

    private InvokeConfig(FunctionTarget target, String qualifier, byte[] payload, Path outputDirectory) {
        this.target = target;
        this.qualifier = qualifier;
        this.payload = payload;
        this.outputDirectory = outputDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event's bytes, a copy. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Whether {@link #qualifier} is a version, an alias, or either (see {@link QualifierKind}). */
    public QualifierKind qualifierKind() {
        return kind(qualifier);
    }

    static QualifierKind kind(String q) {
        if ("latest".equals(q) || SERVICE_VERSION_NAME.matcher(q).matches()) {
            return QualifierKind.VERSION;
        }
        boolean version = FunctionRules.VERSION_NAME.matcher(q).matches();
        boolean alias = ALIAS.matcher(q).matches();
        if (version && alias) {
            return QualifierKind.ALIAS_OR_VERSION;
        }
        return alias ? QualifierKind.ALIAS : QualifierKind.VERSION;
    }

    public static final class Builder {
        private final FunctionTarget.Builder target = FunctionTarget.builder();
        private String qualifier;
        private String payload;
        private Path payloadFile;
        private Path outputDirectory;

        public Builder cloud(CloudConfig v) { target.cloud(v); return this; }
        public Builder functionName(String v) { target.functionName(v); return this; }
        public Builder functionPackage(String v) { target.functionPackage(v); return this; }
        public Builder qualifier(String v) { qualifier = Text.blankToNull(v); return this; }
        public Builder payload(String v) { payload = v; return this; }
        public Builder payloadFile(Path v) { payloadFile = v; return this; }
        public Builder outputDirectory(Path v) { outputDirectory = v; return this; }

        public InvokeConfig build() throws InvalidConfigurationException {
            Problems problems = new Problems();
            FunctionTarget t = target.build(problems);
            String q = qualifier == null ? Parameters.DEFAULT_QUALIFIER : qualifier;
            if (!FunctionRules.VERSION_NAME.matcher(q).matches() && !ALIAS.matcher(q).matches()) {
                problems.add(Setting.QUALIFIER, q, "latest, a version name (" + FunctionRules.VERSION_NAME_RULE
                        .replace(" (not 'latest')", "") + "), or an alias name (a letter first, then up to 62 "
                        + "letters, digits, '_' or '-')");
            }
            byte[] bytes = payload(problems);
            problems.throwIfAny("Invalid functiongraph:invoke configuration");
            return new InvokeConfig(t, q, bytes, outputDirectory);
        }

        /** The event's bytes, checked to be JSON of at most 6 MB. */
        private byte[] payload(Problems problems) {
            byte[] bytes;
            if (payloadFile != null) {
                try {
                    bytes = Files.readAllBytes(payloadFile);
                } catch (IOException e) {
                    problems.add(Setting.PAYLOAD_FILE, payloadFile.toString(), "a readable file ("
                            + e.getClass().getSimpleName() + ")");
                    return null;
                }
            } else {
                String p = Text.blankToNull(payload) == null ? Parameters.DEFAULT_PAYLOAD : payload;
                bytes = p.getBytes(StandardCharsets.UTF_8);
            }
            try {
                Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                problems.add(payloadFile != null ? Setting.PAYLOAD_FILE : Setting.PAYLOAD,
                        payloadFile != null ? payloadFile.toString() : payload,
                        "JSON (" + e.getMessage().split("\\r?\\n")[0] + ")");
            }
            if (bytes.length > MAX_PAYLOAD_BYTES) {
                problems.add(payloadFile != null ? Setting.PAYLOAD_FILE : Setting.PAYLOAD, bytes.length + " bytes",
                        "at most 6 MB");
            }
            return bytes;
        }
    }
}
