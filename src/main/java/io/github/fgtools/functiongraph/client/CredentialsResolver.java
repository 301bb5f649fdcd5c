package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds credentials in the contract's order, first found wins: (the build tool's own store, then) the environment
 * ({@code HUAWEICLOUD_SDK_AK}/{@code _SK}/{@code _SECURITY_TOKEN}), the SDK credentials file ({@code [basic]}), an
 * IAM token ({@code HUAWEICLOUD_AUTH_TOKEN}). Nothing found is an error that names all four.
 */
public final class CredentialsResolver {
    public static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    public static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    public static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    public static final String ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    public static final String ENV_AUTH_TOKEN = "HUAWEICLOUD_AUTH_TOKEN";

    private final Map<String, String> env;
    private final Path home;

    public CredentialsResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** No credentials in any source: the facts a message needs, worded by the build tool's layer. */
    public static final class NoCredentialsException extends FunctionGraphException {
        private static final long serialVersionUID = 1L;
        /** What was half there (one key of a pair), or empty. */
        public final String note;
        /** The sources this resolver read, one line each, in order. */
        public final List<String> sources;

        NoCredentialsException(String note, List<String> sources) {
            super("No Huawei Cloud credentials found" + note + ": " + String.join("; ", sources), true, null);
            this.note = note;
            this.sources = Collections.unmodifiableList(sources);
        }
    }

    /**
     * Credentials from the environment, the SDK credentials file, or an IAM token, in that order (the build tool's
     * own store, settings.xml for Maven, comes before these and is read by its layer).
     */
    public Credentials resolve() throws NoCredentialsException {
        String note = "";
        String ak = env.get(ENV_AK);
        String sk = env.get(ENV_SK);
        if (notBlank(ak) && notBlank(sk)) {
            return Credentials.akSk(ak.trim(), sk.trim(), env.get(ENV_SECURITY_TOKEN), "environment "
                    + ENV_AK + "/" + ENV_SK);
        }
        if (notBlank(ak) != notBlank(sk)) {
            note = " (" + (notBlank(ak) ? ENV_SK : ENV_AK) + " is missing beside the other)";
        }
        Path file = credentialsFile();
        Map<String, String> basic = readBasic(file);
        if (basic != null && notBlank(basic.get("ak")) && notBlank(basic.get("sk"))) {
            return Credentials.akSk(basic.get("ak"), basic.get("sk"), basic.get("security_token"),
                    "credentials file " + file);
        }
        String token = env.get(ENV_AUTH_TOKEN);
        if (notBlank(token)) {
            return Credentials.token(token.trim(), "environment " + ENV_AUTH_TOKEN);
        }
        throw new NoCredentialsException(note, Arrays.asList(
                "environment variables " + ENV_AK + " and " + ENV_SK + " (with " + ENV_SECURITY_TOKEN
                        + " for temporary credentials)",
                "the Huawei Cloud SDK credentials file " + file + " (or " + ENV_CREDENTIALS_FILE
                        + "), section [basic] with ak and sk",
                "an IAM token in the environment variable " + ENV_AUTH_TOKEN));
    }

    /** The project id from the environment, else from the credentials file, else null. */
    public String projectId() {
        String fromEnv = env.get(ENV_PROJECT_ID);
        if (notBlank(fromEnv)) {
            return fromEnv.trim();
        }
        Map<String, String> basic = readBasic(credentialsFile());
        return basic != null && notBlank(basic.get("project_id")) ? basic.get("project_id") : null;
    }

    public String iamEndpoint() {
        String v = env.get("HUAWEICLOUD_SDK_IAM_ENDPOINT");
        return notBlank(v) ? v.trim() : null;
    }

    public String region() {
        String v = env.get("HUAWEICLOUD_SDK_REGION");
        return notBlank(v) ? v.trim() : null;
    }

    private Path credentialsFile() {
        String custom = env.get(ENV_CREDENTIALS_FILE);
        if (notBlank(custom)) {
            return Paths.get(custom.trim());
        }
        return home.resolve(".huaweicloud").resolve("credentials");
    }

    /** The {@code [basic]} section of the SDK's INI file, or null when the file is absent or unreadable. */
    static Map<String, String> readBasic(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        String section = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = t.substring(1, t.length() - 1).trim().toLowerCase(Locale.ROOT);
                    continue;
                }
                int eq = t.indexOf('=');
                if ("basic".equals(section) && eq > 0) {
                    values.put(t.substring(0, eq).trim().toLowerCase(Locale.ROOT), t.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return values;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
