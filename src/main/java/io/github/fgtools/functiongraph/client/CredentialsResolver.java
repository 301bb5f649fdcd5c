package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.deploy.FunctionGraphException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Finds credentials in the contract's order, first found wins: the settings.xml server, the environment
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

    /** What settings.xml said about the server, after decryption; {@code found} false when there is no such id. */
    public static final class ServerEntry {
        final String id;
        final boolean found;
        final String username;
        final String password;

        public ServerEntry(String id, boolean found, String username, String password) {
            this.id = id;
            this.found = found;
            this.username = username;
            this.password = password;
        }
    }

    public Credentials resolve(ServerEntry server) throws FunctionGraphException {
        StringBuilder tried = new StringBuilder();
        if (server != null && server.found) {
            if (notBlank(server.username) && notBlank(server.password)) {
                return Credentials.akSk(server.username.trim(), server.password.trim(), null,
                        "settings.xml server '" + server.id + "'");
            }
            throw new FunctionGraphException("settings.xml has a <server> with id '" + server.id + "' but it lacks "
                    + (notBlank(server.username) ? "<password> (the secret key, SK)" : "<username> (the access key, AK)")
                    + ". Set both, or remove it to use the environment.");
        }
        String ak = env.get(ENV_AK);
        String sk = env.get(ENV_SK);
        if (notBlank(ak) && notBlank(sk)) {
            return Credentials.akSk(ak.trim(), sk.trim(), env.get(ENV_SECURITY_TOKEN), "environment "
                    + ENV_AK + "/" + ENV_SK);
        }
        if (notBlank(ak) != notBlank(sk)) {
            tried.append(" (").append(notBlank(ak) ? ENV_SK : ENV_AK).append(" is missing beside the other)");
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
        String serverId = server == null ? "huaweicloud" : server.id;
        throw new FunctionGraphException("No Huawei Cloud credentials found" + tried + ". Provide one of:"
                + System.lineSeparator() + "  1. a <server> in ~/.m2/settings.xml with <id>" + serverId
                + "</id> (<serverId>, functiongraph.serverId), <username> = access key (AK), <password> = secret key"
                + " (SK, may be encrypted with mvn --encrypt-password)"
                + System.lineSeparator() + "  2. environment variables " + ENV_AK + " and " + ENV_SK + " (with "
                + ENV_SECURITY_TOKEN + " for temporary credentials)"
                + System.lineSeparator() + "  3. the Huawei Cloud SDK credentials file " + file
                + " (or " + ENV_CREDENTIALS_FILE + "), section [basic] with ak and sk"
                + System.lineSeparator() + "  4. an IAM token in the environment variable " + ENV_AUTH_TOKEN
                + System.lineSeparator() + "A dry run (-Dfunctiongraph.dryRun) needs none.");
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
