package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.CreateFunctionRules.Violation;
import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The stateful FunctionGraph v2 part of the stand-in. See {@link CloudStandIn} for the semantics. */
final class FunctionGraphApi {

    static final long MAX_INLINE_CODE = 50L * 1024 * 1024;
    static final long MAX_OBS_CODE = 300L * 1024 * 1024;
    static final long MAX_INVOKE_BODY = 6L * 1024 * 1024;
    /** Versions per function, {@code latest} included (API notes, "Limits"): 19 published ones. */
    static final int MAX_VERSIONS = 20;
    static final int MAX_ALIASES = 10;
    /** Where each function's versions and aliases are written, beside the code directory of the state dir. */
    static final String RELEASES_DIR = "standin-releases";
    static final String DOMAIN_ID = "5a6b7c8d9e0f41a2b3c4d5e6f7a8b9c0";
    static final Pattern ALIAS_NAME = Pattern.compile("^[A-Za-z]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$");
    static final Pattern VERSION_NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]{0,40}[A-Za-z0-9])?$");
    static final Pattern OBS_VHOST = Pattern.compile("^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\\.obs\\.([a-z0-9-]+)\\."
            + "myhuaweicloud\\.com$");
    static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);
    /**
     * The name of a version published without one, from the time of publishing (SDK models
     * {@code ListFunctionVersionResult} and {@code CreateFunctionVersionResponse}, field {@code version}: "rule
     * vYYYYMMDD-HHMMSS"; CreateFunctionVersionRequestBody's {@code version} unset: "the current time in the format
     * yyyymmdd-HHMMSS"), e.g. {@code v20261204-142128}.
     */
    static final DateTimeFormatter VERSION_NAME_TIME = DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss", Locale.ROOT);
    /** The service's time zone (China Standard Time), for {@code last_modified} and version names. */
    static final ZoneOffset SERVICE_ZONE = ZoneOffset.ofHours(8);
    /** Config fields that do not count as a change for CreateFunctionVersion. */
    static final List<String> VOLATILE = List.of("func_urn", "version", "last_modified", "image_name", "func_id",
            "resource_id", "version_description");

    record Code(Path file, long size, String digest) {
    }

    static final class Version {
        final String name;
        final ObjectNode config;
        final Map<String, String> encrypted;
        final Code code;
        final ObjectNode fingerprint;

        Version(String name, ObjectNode config, Map<String, String> encrypted, Code code, ObjectNode fingerprint) {
            this.name = name;
            this.config = config;
            this.encrypted = encrypted;
            this.code = code;
            this.fingerprint = fingerprint;
        }
    }

    static final class Alias {
        final String name;
        String version;
        String description;
        ObjectNode weights;
        JsonNode strategy;
        String lastModified;
        final AtomicLong invocations = new AtomicLong();

        Alias(String name) {
            this.name = name;
        }
    }

    static final class Fn {
        final String project;
        final String pkg;
        final String name;
        final String baseUrn;
        final ObjectNode config;
        Map<String, String> encrypted;
        Code code;
        final LinkedHashMap<String, Version> versions = new LinkedHashMap<>();
        final LinkedHashMap<String, Alias> aliases = new LinkedHashMap<>();
        /** Every version name this function has had: a deleted version's name is not given again. */
        final java.util.Set<String> usedVersionNames = new java.util.HashSet<>();

        Fn(String project, String pkg, String name, String baseUrn, ObjectNode config) {
            this.project = project;
            this.pkg = pkg;
            this.name = name;
            this.baseUrn = baseUrn;
            this.config = config;
        }
    }

    /** Parsed {@code urn:fss:<region>:<project>:function:<package>:<name>[:<qualifier>]}. */
    record Urn(String region, String project, String pkg, String name, String qualifier) {
    }

    private final Path codeDir;
    private final Path stateCodeDir;
    private final ObsApi obs;
    private final Function<String, String> regionOfProject;
    private final Object lock = new Object();
    /** The service's clock: version names and last_modified (see {@link #setClock}). */
    private volatile Clock clock = Clock.systemUTC();
    private final LinkedHashMap<String, Fn> functions = new LinkedHashMap<>();

    FunctionGraphApi(Path codeDir, Path stateCodeDir, ObsApi obs, Function<String, String> regionOfProject) {
        this.codeDir = codeDir;
        this.stateCodeDir = stateCodeDir;
        this.obs = obs;
        this.regionOfProject = regionOfProject;
    }

    /** A fixed clock makes version names known in advance; a second version in that second gets a suffix. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Now in the service's zone, to the second. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(SERVICE_ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    // ------------------------------------------------------------------ routing

    /** {@code segments}: the path after {@code /v2/<project>/fgs/functions}, split at '/'. */
    Reply handle(Incoming in, String project, List<String> segments) {
        String m = in.method;
        if (segments.isEmpty()) {
            if (m.equals("POST")) {
                return create(in, project);
            }
            if (m.equals("GET")) {
                return list(in, project);
            }
            return notFoundApi();
        }
        String urnText = ObsApi.percentDecode(segments.get(0));
        List<String> rest = segments.subList(1, segments.size());
        Object parsed = parseUrn(urnText, project);
        if (parsed instanceof Reply r) {
            return r;
        }
        Urn urn = (Urn) parsed;
        if (rest.isEmpty()) {
            return m.equals("DELETE") ? delete(urn) : notFoundApi();
        }
        String sub = rest.get(0);
        if (rest.size() == 1) {
            switch (sub + " " + m) {
                case "config GET": return showConfig(urn);
                case "config PUT": return updateConfig(in, urn);
                case "code GET": return showCode(urn);
                case "code PUT": return updateCode(in, urn);
                case "versions POST": return publish(in, urn);
                case "versions GET": return listVersions(urn);
                case "aliases POST": return createAlias(in, urn);
                case "aliases GET": return listAliases(urn);
                case "invocations POST": return invoke(in, urn);
                default: return notFoundApi();
            }
        }
        if (rest.size() == 2 && sub.equals("aliases")) {
            String alias = ObsApi.percentDecode(rest.get(1));
            switch (m) {
                case "GET": return showAlias(urn, alias);
                case "PUT": return updateAlias(in, urn, alias);
                case "DELETE": return deleteAlias(urn, alias);
                default: return notFoundApi();
            }
        }
        return notFoundApi();
    }

    static Reply notFoundApi() {
        return Reply.error(404, "APIG.0101", "The API does not exist or has not been published in the environment");
    }

    private Object parseUrn(String text, String pathProject) {
        String[] p = text.split(":", -1);
        if ((p.length != 7 && p.length != 8) || !p[0].equals("urn") || !p[1].equals("fss")
                || !p[4].equals("function") || p[5].isEmpty() || p[6].isEmpty()
                || (p.length == 8 && p[7].isEmpty())) {
            return Reply.error(400, "FSS.0400", "Invalid function URN '" + text
                    + "': expected urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]");
        }
        if (!p[3].equals(pathProject)) {
            return Reply.error(404, "FSS.1051", "Not found the function: the URN's project " + p[3]
                    + " is not the project of the request path " + pathProject);
        }
        String region = regionOfProject.apply(pathProject);
        if (!p[2].equals(region)) {
            return Reply.error(404, "FSS.1051", "Not found the function: the URN's region " + p[2]
                    + " is not this endpoint's region " + region);
        }
        return new Urn(p[2], p[3], p[5], p[6], p.length == 8 ? p[7] : null);
    }

    private static String key(String project, String pkg, String name) {
        return project + "/" + pkg + "/" + name;
    }

    private Fn find(Urn urn) {
        return functions.get(key(urn.project(), urn.pkg(), urn.name()));
    }

    private static Reply functionNotFound(Urn urn) {
        return Reply.error(404, "FSS.1051", "Not found the function " + urn.pkg() + "/" + urn.name());
    }

    // ------------------------------------------------------------------ create

    private static Reply bodyProblem(Incoming in) {
        String ct = in.header("content-type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: Content-Type must be application/json, was "
                    + ct);
        }
        if (in.json() == null) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the request body is not JSON"
                    + (in.jsonError() == null ? " (empty)" : ": " + in.jsonError()));
        }
        if (!in.json().isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the request body must be a JSON object");
        }
        return null;
    }

    private Reply create(Incoming in, String project) {
        Reply bad = bodyProblem(in);
        if (bad != null) {
            return bad;
        }
        return createFunction((ObjectNode) in.json(), project);
    }

    /**
     * CreateFunction with its validation; also used to pre-create functions. A field the API's CreateFunction body
     * does not have (the seed's CreateFunctionRequestBody) is not read, as by a service that does not know it.
     */
    Reply createFunction(ObjectNode request, String project) {
        ObjectNode body = request.deepCopy().retain(CreateFunctionRules.createFields());
        List<String> schema = CreateFunctionRules.schemaErrors(CreateFunctionRules.createSchema(), body);
        if (!schema.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: " + String.join("; ", schema));
        }
        Violation v = CreateFunctionRules.checkConfig(body);
        String pkg = body.get("package").asText();
        if (v == null && !CreateFunctionRules.NAME.matcher(pkg).matches()) {
            v = new Violation(400, "FSS.1004", "Invalid Package (function app) '" + pkg + "': must match "
                    + CreateFunctionRules.NAME.pattern());
        }
        if (v != null) {
            return Reply.error(v.status(), v.code(), v.message());
        }
        String runtime = body.get("runtime").asText();
        String codeType = CreateFunctionRules.text(body, "code_type");
        Object code = prepareCode(body, codeType, runtime);
        if (code instanceof Reply r) {
            return r;
        }
        Code c = (Code) code;
        String name = body.get("func_name").asText();
        String region = regionOfProject.apply(project);
        synchronized (lock) {
            String k = key(project, pkg, name);
            if (functions.containsKey(k)) {
                deleteQuietly(c.file());
                return Reply.error(409, "FSS.1061", "The function " + pkg + "/" + name + " already exists");
            }
            String baseUrn = "urn:fss:" + region + ":" + project + ":function:" + pkg + ":" + name;
            ObjectNode config = body.deepCopy();
            config.remove("func_code");
            config.remove("encrypted_user_data");
            String funcId = UUID.randomUUID().toString();
            config.put("func_id", funcId);
            config.put("resource_id", funcId + ":latest");
            config.put("func_urn", baseUrn + ":latest");
            config.put("domain_id", DOMAIN_ID);
            config.put("namespace", project);
            config.put("project_name", region);
            config.put("version", "latest");
            if (codeType == null) {
                config.put("code_type", "Custom-Image-Swr");
            }
            if (!config.has("code_url")) {
                config.put("code_url", "");
            }
            if (!config.has("code_filename")) {
                config.put("code_filename", "");
            }
            if (!config.has("description")) {
                config.put("description", "");
            }
            if (!config.has("user_data")) {
                config.put("user_data", "");
            }
            if (!config.has("type")) {
                config.put("type", "v2");
            }
            if (!config.has("depend_version_list")) {
                config.putArray("depend_version_list");
            }
            if (!config.has("strategy_config")) {
                config.putObject("strategy_config").put("concurrency", 400).put("concurrent_num", 1);
            }
            SdkModels.holdUnsetValues(config);
            Fn fn = new Fn(project, pkg, name, baseUrn, config);
            fn.encrypted = parseEncrypted(body);
            setCode(fn, c);
            touch(fn);
            functions.put(k, fn);
            return Reply.json(200, SdkModels.answer(fn.config, fn.encrypted, SdkModels.CREATE_FUNCTION));
        }
    }

    private static Map<String, String> parseEncrypted(JsonNode body) {
        String s = CreateFunctionRules.text(body, "encrypted_user_data");
        if (s == null || s.isEmpty()) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        try {
            Iterator<Map.Entry<String, JsonNode>> it = Http.JSON.readTree(s).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), e.getValue().asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private void touch(Fn fn) {
        OffsetDateTime now = now();
        fn.config.put("last_modified", LAST_MODIFIED.format(now));
        fn.config.put("image_name", "latest-" + DateTimeFormatter.ofPattern("yyMMddHHmmss").format(now) + "@standin");
        int mem = fn.config.path("memory_size").asInt(128);
        fn.config.put("cpu", mem * 300 / 512 < 100 ? 100 : mem * 300 / 512);
    }

    private void setCode(Fn fn, Code c) {
        Code old = fn.code;
        fn.code = c;
        fn.config.put("code_size", c.size());
        fn.config.put("digest", c.digest());
        if (stateCodeDir != null) {
            try {
                Files.createDirectories(stateCodeDir);
                linkOrCopy(c.file(), stateCodeDir.resolve(fn.name + ".bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (old != null && fn.versions.values().stream().noneMatch(v -> v.code == old)) {
            deleteQuietly(old.file());
        }
    }

    /** A copy of the config for a response: encrypted_user_data shown as its keys with empty values. */
    private static ObjectNode view(ObjectNode config, Map<String, String> encrypted) {
        ObjectNode out = config.deepCopy();
        if (encrypted != null) {
            ObjectNode masked = Http.JSON.createObjectNode();
            encrypted.keySet().forEach(k -> masked.put(k, ""));
            out.put("encrypted_user_data", masked.toString());
        } else {
            out.put("encrypted_user_data", "");
        }
        return out;
    }

    /**
     * Validates and stores the code of a create / update-code body.
     *
     * @return a {@link Code} or an error {@link Reply}
     */
    private Object prepareCode(JsonNode body, String codeType, String runtime) {
        if (codeType == null) {
            if ("Custom Image".equals(runtime)) {
                codeType = "Custom-Image-Swr";
            } else {
                return Reply.error(400, "FSS.1006", "Invalid function code entry mode: code_type is required");
            }
        }
        String file = body.path("func_code").path("file").isTextual() ? body.path("func_code").path("file").asText()
                : null;
        switch (codeType) {
            case "zip":
            case "jar": {
                String filename = CreateFunctionRules.text(body, "code_filename");
                if (filename == null || filename.isEmpty()) {
                    return Reply.error(400, "FSS.0400", "Invalid parameter: code_filename is required for code_type "
                            + codeType);
                }
                if (!filename.toLowerCase(Locale.ROOT).endsWith("." + codeType)) {
                    return Reply.error(400, "FSS.1013", "Invalid file type: code_filename '" + filename
                            + "' must end in ." + codeType + " for code_type " + codeType);
                }
                if (file == null || file.isEmpty()) {
                    return Reply.error(400, "FSS.1012", "The function code must be configured: func_code.file is "
                            + "required for code_type " + codeType);
                }
                long estimated = (long) file.length() / 4 * 3;
                if (estimated > MAX_INLINE_CODE + 3) {
                    return Reply.error(413, "FSS.1071", "The function code package is larger than 50 MB ("
                            + estimated + " bytes); upload it to OBS and use code_type obs");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(file);
                } catch (IllegalArgumentException e) {
                    return Reply.error(400, "FSS.1011", "Invalid function code: func_code.file is not valid base64 ("
                            + e.getMessage() + ")");
                }
                if (bytes.length > MAX_INLINE_CODE) {
                    return Reply.error(413, "FSS.1071", "The function code package is larger than 50 MB ("
                            + bytes.length + " bytes); upload it to OBS and use code_type obs");
                }
                if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
                    return Reply.error(400, "FSS.1011", "Invalid function code: func_code.file is not a " + codeType
                            + " archive");
                }
                return storeCode(bytes);
            }
            case "inline": {
                byte[] bytes = new byte[0];
                if (file != null && !file.isEmpty()) {
                    try {
                        bytes = Base64.getDecoder().decode(file);
                    } catch (IllegalArgumentException e) {
                        return Reply.error(400, "FSS.1011", "Invalid function code: func_code.file is not valid "
                                + "base64 (" + e.getMessage() + ")");
                    }
                }
                return storeCode(bytes);
            }
            case "obs": {
                String url = CreateFunctionRules.text(body, "code_url");
                if (url == null || url.isEmpty()) {
                    return Reply.error(400, "FSS.1010", "Invalid URL: code_url is required for code_type obs");
                }
                Object located = locate(url);
                if (located instanceof Reply r) {
                    return r;
                }
                ObsApi.StoredObject o = (ObsApi.StoredObject) located;
                if (o.size() > MAX_OBS_CODE) {
                    return Reply.error(413, "FSS.1071", "The function code package in OBS is larger than 300 MB ("
                            + o.size() + " bytes)");
                }
                try {
                    Path target = codeDir.resolve("code-" + UUID.randomUUID() + ".bin");
                    linkOrCopy(o.file(), target);
                    return new Code(target, o.size(), sha512(target));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "Custom-Image-Swr": {
                String image = body.path("custom_image").path("image").asText("");
                if (image.isEmpty()) {
                    return Reply.error(400, "FSS.0400", "Invalid parameter: custom_image.image is required for "
                            + "code_type Custom-Image-Swr");
                }
                return storeCode(new byte[0]);
            }
            default:
                return Reply.error(400, "FSS.1006", "Invalid function code entry mode '" + codeType + "'");
        }
    }

    /** code_url: {@code https://<bucket>.obs.<region>.myhuaweicloud.com/<key>} or path-style on a loopback host. */
    private Object locate(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Reply.error(400, "FSS.1010", "Invalid URL: code_url '" + url + "' is not a URL");
        }
        String host = uri.getHost();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getScheme() == null || host == null || !(uri.getScheme().equals("https")
                || uri.getScheme().equals("http")) || rawPath.length() < 2) {
            return Reply.error(400, "FSS.1010", "Invalid URL: code_url '" + url + "' is not an OBS object URL");
        }
        String bucket;
        String key;
        Matcher vh = OBS_VHOST.matcher(host);
        if (vh.matches()) {
            if (!vh.group(2).equals(CloudStandIn.REGION)) {
                return Reply.error(400, "FSS.1010", "Invalid URL: the OBS bucket of code_url '" + url
                        + "' must be in the function's region " + CloudStandIn.REGION);
            }
            bucket = vh.group(1);
            key = ObsApi.percentDecode(rawPath.substring(1));
        } else if (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1")) {
            String rest = rawPath.substring(1);
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                return Reply.error(400, "FSS.1010", "Invalid URL: code_url '" + url + "' has no object key");
            }
            bucket = ObsApi.percentDecode(rest.substring(0, slash));
            key = ObsApi.percentDecode(rest.substring(slash + 1));
        } else {
            return Reply.error(400, "FSS.1010", "Invalid URL: code_url '" + url + "' is not an OBS object URL "
                    + "(https://<bucket>.obs.<region>.myhuaweicloud.com/<key>)");
        }
        ObsApi.StoredObject o = obs.get(bucket, key);
        if (o == null) {
            return Reply.error(400, "FSS.1010", "Invalid URL: the OBS object of code_url does not exist (bucket "
                    + bucket + ", key " + key + ")");
        }
        return o;
    }

    private Code storeCode(byte[] bytes) {
        try {
            Path target = codeDir.resolve("code-" + UUID.randomUUID() + ".bin");
            Files.write(target, bytes);
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            return new Code(target, bytes.length, HexFormat.of().formatHex(md.digest(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha512(Path file) throws IOException {
        MessageDigest md = ObsApi.digest("SHA-512");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void linkOrCopy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // ignore
        }
    }

    // ------------------------------------------------------------------ read, update, delete

    /** Resolves the URN's qualifier for reads: null/latest → latest, else a published version. */
    private Object snapshot(Fn fn, Urn urn) {
        String q = urn.qualifier();
        if (q == null || q.equals("latest")) {
            return null;
        }
        if (q.startsWith("!")) {
            Alias a = fn.aliases.get(q.substring(1));
            if (a == null) {
                return Reply.error(404, "FSS.1053", "Not found the alias " + q.substring(1));
            }
            return a.version.equals("latest") ? null : fn.versions.get(a.version);
        }
        Version v = fn.versions.get(q);
        if (v == null) {
            return Reply.error(404, "FSS.1052", "Not found the version " + q);
        }
        return v;
    }

    private Reply showConfig(Urn urn) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            Object s = snapshot(fn, urn);
            if (s instanceof Reply r) {
                return r;
            }
            Version v = (Version) s;
            return Reply.json(200, v == null ? SdkModels.answer(fn.config, fn.encrypted, SdkModels.SHOW_FUNCTION_CONFIG)
                    : SdkModels.answer(v.config, v.encrypted, SdkModels.SHOW_FUNCTION_CONFIG));
        }
    }

    private Reply showCode(Urn urn) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            Object s = snapshot(fn, urn);
            if (s instanceof Reply r) {
                return r;
            }
            Version v = (Version) s;
            return Reply.json(200, codeView(v == null ? fn.config : v.config));
        }
    }

    private static ObjectNode codeView(ObjectNode config) {
        ObjectNode out = Http.JSON.createObjectNode();
        for (String f : List.of("func_urn", "func_name", "domain_id", "runtime", "code_type", "code_url",
                "code_filename", "code_size", "digest", "last_modified")) {
            if (config.has(f)) {
                out.set(f, config.get(f));
            }
        }
        out.putObject("func_code").put("file", "").put("link", "");
        out.putArray("depend_list");
        out.set("depend_version_list", config.has("depend_version_list") ? config.get("depend_version_list")
                : Http.JSON.createArrayNode());
        if (config.has("strategy_config")) {
            out.set("strategy_config", config.get("strategy_config"));
        }
        out.putArray("dependencies");
        return out;
    }

    private static Reply onlyLatest(Urn urn) {
        if (urn.qualifier() != null && !urn.qualifier().equals("latest")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: only the latest version can be updated, not "
                    + urn.qualifier());
        }
        return null;
    }

    private Reply updateCode(Incoming in, Urn urn) {
        Reply bad = bodyProblem(in);
        if (bad == null) {
            bad = onlyLatest(urn);
        }
        if (bad != null) {
            return bad;
        }
        JsonNode body = in.json();
        Reply unknown = unknownFields(body, SdkModels.UPDATE_FUNCTION_CODE_BODY, "UpdateFunctionCode");
        if (unknown != null) {
            return unknown;
        }
        String codeType = CreateFunctionRules.text(body, "code_type");
        if (codeType == null || codeType.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: code_type is required");
        }
        List<String> typeErrors = new ArrayList<>();
        for (String f : List.of("code_type", "code_url", "code_filename")) {
            if (body.has(f) && !body.get(f).isTextual() && !body.get(f).isNull()) {
                typeErrors.add("$." + f + ": " + body.get(f).getNodeType().toString().toLowerCase(Locale.ROOT)
                        + " found, string expected");
            }
        }
        if (body.has("func_code") && !body.get("func_code").isObject()) {
            typeErrors.add("$.func_code: object expected");
        }
        if (body.has("depend_version_list") && !body.get("depend_version_list").isArray()) {
            typeErrors.add("$.depend_version_list: array expected");
        }
        if (!typeErrors.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: " + String.join("; ", typeErrors));
        }
        String runtime;
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            runtime = fn.config.path("runtime").asText();
        }
        Object code = prepareCode(body, codeType, runtime);
        if (code instanceof Reply r) {
            return r;
        }
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                deleteQuietly(((Code) code).file());
                return functionNotFound(urn);
            }
            fn.config.put("code_type", codeType);
            fn.config.put("code_url", codeType.equals("obs") ? body.get("code_url").asText() : "");
            fn.config.put("code_filename", CreateFunctionRules.text(body, "code_filename") == null ? ""
                    : body.get("code_filename").asText());
            if (body.has("depend_version_list")) {
                fn.config.set("depend_version_list", body.get("depend_version_list"));
            }
            setCode(fn, (Code) code);
            touch(fn);
            return Reply.json(200, SdkModels.answer(fn.config, fn.encrypted, SdkModels.UPDATE_FUNCTION_CODE));
        }
    }

    /** 400 for a body with a field the call's request model does not have, naming them and what it takes. */
    private static Reply unknownFields(JsonNode body, java.util.Set<String> known, String call) {
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(f);
            }
        });
        if (unknown.isEmpty()) {
            return null;
        }
        return Reply.error(400, "FSS.0400", "Invalid parameter: " + call + " does not take " + String.join(", ",
                unknown) + " (it takes " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
    }

    private Reply updateConfig(Incoming in, Urn urn) {
        Reply bad = bodyProblem(in);
        if (bad == null) {
            bad = onlyLatest(urn);
        }
        if (bad != null) {
            return bad;
        }
        ObjectNode body = (ObjectNode) in.json();
        Reply unknown = unknownFields(body, SdkModels.UPDATE_FUNCTION_CONFIG_BODY, "UpdateFunctionConfig");
        if (unknown != null) {
            return unknown;
        }
        List<String> schema = CreateFunctionRules.schemaErrors(CreateFunctionRules.updateConfigSchema(), body);
        if (!schema.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: " + String.join("; ", schema));
        }
        Violation v = CreateFunctionRules.checkConfig(body);
        if (v != null) {
            return Reply.error(v.status(), v.code(), v.message());
        }
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            if (!body.get("func_name").asText().equals(fn.name)) {
                return Reply.error(400, "FSS.1002", "Invalid function name: func_name '" + body.get("func_name")
                        .asText() + "' is not the name of the function in the URN (" + fn.name + ")");
            }
            if (!body.get("runtime").asText().equals(fn.config.path("runtime").asText())) {
                return Reply.error(400, "FSS.1005", "Invalid runtime: the runtime of a function cannot be changed ("
                        + fn.config.path("runtime").asText() + " -> " + body.get("runtime").asText() + ")");
            }
            Iterator<Map.Entry<String, JsonNode>> it = body.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String f = e.getKey();
                if (f.equals("func_code") || f.equals("encrypted_user_data") || f.equals("package")
                        || f.startsWith("code_") || f.equals("func_urn") || f.equals("digest")
                        || VOLATILE.contains(f)) {
                    continue;
                }
                if (e.getValue().isNull()) {
                    fn.config.remove(f);
                } else {
                    fn.config.set(f, e.getValue().deepCopy());
                }
            }
            if (body.has("encrypted_user_data")) {
                fn.encrypted = parseEncrypted(body);
            }
            touch(fn);
            return Reply.json(200, SdkModels.answer(fn.config, fn.encrypted, SdkModels.UPDATE_FUNCTION_CONFIG));
        }
    }

    private Reply delete(Urn urn) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            String q = urn.qualifier();
            if (q != null && q.equals("latest")) {
                // SDK DeleteFunctionRequest.function_urn: latest cannot be deleted; the URN without a version
                // deletes the whole function
                return Reply.error(400, "FSS.0400", "Invalid parameter: the latest version cannot be deleted; "
                        + "delete the function with its URN without a version");
            }
            if (q == null) {
                functions.remove(key(fn.project, fn.pkg, fn.name));
                writeReleases(fn, true);
                deleteQuietly(fn.code.file());
                fn.versions.values().forEach(v -> deleteQuietly(v.code.file()));
                return Reply.noContent();
            }
            if (q.startsWith("!")) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: delete an alias with DELETE "
                        + ".../aliases/" + q.substring(1));
            }
            Version v = fn.versions.remove(q);
            if (v == null) {
                return Reply.error(404, "FSS.1052", "Not found the version " + q);
            }
            // as on the service: deleting a version deletes the aliases on it (and its share of others' traffic)
            fn.aliases.values().removeIf(a -> a.version.equals(q));
            fn.aliases.values().forEach(a -> a.weights.remove(q));
            if (v.code != fn.code && fn.versions.values().stream().noneMatch(x -> x.code == v.code)) {
                deleteQuietly(v.code.file());
            }
            writeReleases(fn);
            return Reply.noContent();
        }
    }

    private Reply list(Incoming in, String project) {
        Map<String, List<String>> q = AkSkVerifier.parseQuery(in.rawQuery);
        int marker;
        int max;
        try {
            marker = q.containsKey("marker") && !q.get("marker").get(0).isEmpty()
                    ? Integer.parseInt(q.get("marker").get(0)) : 0;
            max = q.containsKey("maxitems") && !q.get("maxitems").get(0).isEmpty()
                    ? Integer.parseInt(q.get("maxitems").get(0)) : 400;
        } catch (NumberFormatException e) {
            return Reply.error(400, "FSS.1001", "Invalid query parameter: marker and maxitems are numbers");
        }
        if (marker < 0 || max < 1 || max > 400) {
            return Reply.error(400, "FSS.1001", "Invalid query parameter: marker >= 0, 1 <= maxitems <= 400");
        }
        String pkg = q.containsKey("package_name") ? q.get("package_name").get(0) : null;
        synchronized (lock) {
            List<Fn> all = new ArrayList<>();
            for (Fn fn : functions.values()) {
                if (fn.project.equals(project) && (pkg == null || pkg.isEmpty() || fn.pkg.equals(pkg))) {
                    all.add(fn);
                }
            }
            ObjectNode out = Http.JSON.createObjectNode();
            ArrayNode arr = out.putArray("functions");
            int end = Math.min(all.size(), marker + max);
            for (int i = marker; i < end; i++) {
                arr.add(view(all.get(i).config, all.get(i).encrypted));
            }
            out.put("next_marker", end < all.size() ? end : all.size());
            out.put("count", all.size());
            return Reply.json(200, out);
        }
    }

    // ------------------------------------------------------------------ versions

    /** {@code <stateDir>/standin-releases/<func_name>.json}, for the ITs' verify scripts. */
    private void writeReleases(Fn fn) {
        writeReleases(fn, false);
    }

    private void writeReleases(Fn fn, boolean deleted) {
        if (stateCodeDir == null) {
            return;
        }
        Path file = stateCodeDir.resolveSibling(RELEASES_DIR).resolve(fn.name + ".json");
        try {
            if (deleted) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(releases(fn)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"versions": [{version, last_modified, digest, version_description}, …], "aliases": [aliasView…]}}. */
    private static ObjectNode releases(Fn fn) {
        ObjectNode out = Http.JSON.createObjectNode();
        ArrayNode versions = out.putArray("versions");
        for (Version v : fn.versions.values()) {
            ObjectNode o = versions.addObject();
            for (String f : List.of("version", "last_modified", "digest", "version_description")) {
                o.set(f, v.config.get(f));
            }
        }
        ArrayNode aliases = out.putArray("aliases");
        fn.aliases.values().forEach(a -> aliases.add(aliasView(fn, a)));
        return out;
    }

    private static ObjectNode fingerprint(ObjectNode config, Map<String, String> encrypted) {
        ObjectNode f = config.deepCopy();
        VOLATILE.forEach(f::remove);
        f.remove("cpu");
        ObjectNode enc = f.putObject("__encrypted");
        if (encrypted != null) {
            encrypted.forEach(enc::put);
        }
        return f;
    }

    private Reply publish(Incoming in, Urn urn) {
        JsonNode body = Http.JSON.createObjectNode();
        if (in.hasBody()) {
            Reply bad = bodyProblem(in);
            if (bad != null) {
                return bad;
            }
            body = in.json();
        }
        if (urn.qualifier() != null && !urn.qualifier().equals("latest")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: versions are published from latest");
        }
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            String digest = CreateFunctionRules.text(body, "digest");
            if (digest != null && !digest.isEmpty() && !digest.equals(fn.code.digest())) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: digest " + digest
                        + " is not the digest of the function's code " + fn.code.digest());
            }
            ObjectNode fp = fingerprint(fn.config, fn.encrypted);
            Version last = fn.versions.isEmpty() ? null
                    : new ArrayList<>(fn.versions.values()).get(fn.versions.size() - 1);
            if (last != null && last.fingerprint.equals(fp)) {
                return Reply.error(400, "FSS.1016", "The function cannot be published because no changes have been "
                        + "made since last publication (version " + last.name + ")");
            }
            if (fn.versions.size() + 1 >= MAX_VERSIONS) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: a function can have at most " + MAX_VERSIONS
                        + " versions (latest included)");
            }
            OffsetDateTime now = now();
            String name = CreateFunctionRules.text(body, "version");
            if (name == null || name.isEmpty()) {
                // as the service names it, from the time; a second version within one second gets a suffix
                String base = VERSION_NAME_TIME.format(now);
                name = base;
                for (int n = 2; fn.usedVersionNames.contains(name); n++) {
                    name = base + "-" + n;
                }
            } else {
                if (name.equals("latest") || !VERSION_NAME.matcher(name).matches()) {
                    return Reply.error(400, "FSS.0400", "Invalid parameter: version name '" + name + "'");
                }
                if (fn.versions.containsKey(name)) {
                    return Reply.error(409, "FSS.1062", "The version " + name + " already exists");
                }
            }
            ObjectNode config = fn.config.deepCopy();
            config.put("func_urn", fn.baseUrn + ":" + name);
            config.put("version", name);
            config.put("resource_id", fn.config.path("func_id").asText() + ":" + name);
            config.put("version_description", CreateFunctionRules.text(body, "description") == null ? ""
                    : body.get("description").asText());
            config.put("last_modified", LAST_MODIFIED.format(now));
            Version v = new Version(name, config, fn.encrypted == null ? null : new LinkedHashMap<>(fn.encrypted),
                    fn.code, fp);
            fn.versions.put(name, v);
            fn.usedVersionNames.add(name);
            writeReleases(fn);
            return Reply.json(200, view(config, v.encrypted));
        }
    }

    private Reply listVersions(Urn urn) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            ObjectNode out = Http.JSON.createObjectNode();
            ArrayNode arr = out.putArray("versions");
            arr.add(view(fn.config, fn.encrypted));
            fn.versions.values().forEach(v -> arr.add(view(v.config, v.encrypted)));
            out.put("next_marker", arr.size());
            out.put("count", arr.size());
            return Reply.json(200, out);
        }
    }

    // ------------------------------------------------------------------ aliases

    private Reply checkAliasTarget(Fn fn, String version, JsonNode weights) {
        if (version == null || version.isEmpty()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: version is required");
        }
        if (!version.equals("latest") && !fn.versions.containsKey(version)) {
            return Reply.error(404, "FSS.1052", "Not found the version " + version);
        }
        if (weights == null || weights.isNull()) {
            return null;
        }
        if (!weights.isObject()) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: additional_version_weights must be an object");
        }
        if (weights.size() > 1) {
            return Reply.error(400, "FSS.1015", "Invalid function version: an alias has at most one additional "
                    + "version");
        }
        Iterator<Map.Entry<String, JsonNode>> it = weights.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (!k.equals("latest") && !fn.versions.containsKey(k)) {
                return Reply.error(404, "FSS.1052", "Not found the version " + k + " (additional_version_weights)");
            }
            if (k.equals(version)) {
                return Reply.error(400, "FSS.1015", "Invalid function version: the additional version " + k
                        + " is the alias's own version");
            }
            if (!e.getValue().isIntegralNumber() || e.getValue().asInt() < 1 || e.getValue().asInt() > 99) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: additional_version_weights[" + k + "] = "
                        + e.getValue() + ": an integer from 1 to 99");
            }
        }
        return null;
    }

    private Reply createAlias(Incoming in, Urn urn) {
        Reply bad = bodyProblem(in);
        if (bad != null) {
            return bad;
        }
        JsonNode body = in.json();
        String name = CreateFunctionRules.text(body, "name");
        if (name == null || !ALIAS_NAME.matcher(name).matches() || name.equals("latest")) {
            return Reply.error(400, "FSS.1014", "Invalid function alias '" + name + "': must match "
                    + ALIAS_NAME.pattern());
        }
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            if (fn.aliases.containsKey(name)) {
                return Reply.error(409, "FSS.1063", "The alias " + name + " already exists");
            }
            String version = CreateFunctionRules.text(body, "version");
            Reply r = checkAliasTarget(fn, version, body.get("additional_version_weights"));
            if (r != null) {
                return r;
            }
            if (fn.aliases.size() >= MAX_ALIASES) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: a function can have at most " + MAX_ALIASES
                        + " aliases");
            }
            Alias a = new Alias(name);
            a.version = version;
            a.description = CreateFunctionRules.text(body, "description");
            a.weights = body.get("additional_version_weights") instanceof ObjectNode w ? w.deepCopy()
                    : Http.JSON.createObjectNode();
            a.strategy = body.get("additional_version_strategy");
            a.lastModified = LAST_MODIFIED.format(now());
            fn.aliases.put(name, a);
            writeReleases(fn);
            return Reply.json(200, aliasView(fn, a));
        }
    }

    private Reply updateAlias(Incoming in, Urn urn, String name) {
        Reply bad = bodyProblem(in);
        if (bad != null) {
            return bad;
        }
        JsonNode body = in.json();
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            Alias a = fn.aliases.get(name);
            if (a == null) {
                return Reply.error(404, "FSS.1053", "Not found the alias " + name);
            }
            String version = CreateFunctionRules.text(body, "version");
            JsonNode weights = body.has("additional_version_weights") ? body.get("additional_version_weights")
                    : a.weights;
            Reply r = checkAliasTarget(fn, version, weights);
            if (r != null) {
                return r;
            }
            a.version = version;
            if (body.has("description")) {
                a.description = CreateFunctionRules.text(body, "description");
            }
            a.weights = weights instanceof ObjectNode w ? w.deepCopy() : Http.JSON.createObjectNode();
            if (body.has("additional_version_strategy")) {
                a.strategy = body.get("additional_version_strategy");
            }
            a.lastModified = LAST_MODIFIED.format(now());
            writeReleases(fn);
            return Reply.json(200, aliasView(fn, a));
        }
    }

    private Reply showAlias(Urn urn, String name) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            Alias a = fn.aliases.get(name);
            return a == null ? Reply.error(404, "FSS.1053", "Not found the alias " + name)
                    : Reply.json(200, aliasView(fn, a));
        }
    }

    private Reply deleteAlias(Urn urn, String name) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            if (fn.aliases.remove(name) == null) {
                return Reply.error(404, "FSS.1053", "Not found the alias " + name);
            }
            writeReleases(fn);
            return Reply.noContent();
        }
    }

    private Reply listAliases(Urn urn) {
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            ArrayNode arr = Http.JSON.createArrayNode();
            fn.aliases.values().forEach(a -> arr.add(aliasView(fn, a)));
            return Reply.json(200, arr);
        }
    }

    private static ObjectNode aliasView(Fn fn, Alias a) {
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("name", a.name);
        out.put("version", a.version);
        out.put("description", a.description == null ? "" : a.description);
        out.put("last_modified", a.lastModified);
        out.put("alias_urn", fn.baseUrn + ":!" + a.name);
        out.set("additional_version_weights", a.weights.deepCopy());
        if (a.strategy != null && !a.strategy.isNull()) {
            out.set("additional_version_strategy", a.strategy);
        }
        return out;
    }

    // ------------------------------------------------------------------ invoke

    private Reply invoke(Incoming in, Urn urn) {
        String rv = in.header("x-cff-request-version");
        if (rv == null || !rv.equalsIgnoreCase("v1")) {
            return Reply.error(400, "FSS.0400", "Invalid parameter: the stand-in answers only "
                    + "X-CFF-Request-Version: v1 (was " + rv + ")");
        }
        if (in.bodySize > MAX_INVOKE_BODY) {
            return Reply.error(413, "FSS.0413", "The request body is too large: " + in.bodySize
                    + " bytes, at most 6 MB");
        }
        JsonNode payload = Http.JSON.createObjectNode();
        if (in.hasBody()) {
            payload = in.json();
            if (payload == null) {
                return Reply.error(400, "FSS.0400", "Invalid parameter: the event is not JSON: " + in.jsonError());
            }
        }
        String version;
        ObjectNode config;
        synchronized (lock) {
            Fn fn = find(urn);
            if (fn == null) {
                return functionNotFound(urn);
            }
            String q = urn.qualifier();
            if (q == null || q.equals("latest")) {
                version = "latest";
            } else if (q.startsWith("!")) {
                Alias a = fn.aliases.get(q.substring(1));
                if (a == null) {
                    return Reply.error(404, "FSS.1053", "Not found the alias " + q.substring(1));
                }
                version = route(a);
            } else {
                if (!fn.versions.containsKey(q)) {
                    return Reply.error(404, "FSS.1052", "Not found the version " + q);
                }
                version = q;
            }
            config = version.equals("latest") ? fn.config : fn.versions.get(version).config;
            config = config.deepCopy();
        }
        String requestId = Http.requestId();
        String failMessage = null;
        String userData = config.path("user_data").asText("");
        if (!userData.isEmpty()) {
            try {
                JsonNode ud = Http.JSON.readTree(userData);
                if (ud != null && ud.has("STANDIN_FAIL")) {
                    failMessage = ud.get("STANDIN_FAIL").asText();
                }
            } catch (IOException e) {
                // validated on write
            }
        }
        if (failMessage == null && payload.path("standinFail").asBoolean(false)) {
            failMessage = payload.path("standinFailMessage").asText("");
        }
        ObjectNode result = Http.JSON.createObjectNode();
        boolean failed = failMessage != null;
        if (failed) {
            result.put("errorMessage", failMessage.isEmpty() ? "stand-in: failure requested" : failMessage);
            result.put("errorType", "StandInFunctionError");
            result.putArray("stackTrace").add("io.github.fgtools.functiongraph.standin.CloudStandIn.invoke");
        } else {
            result.set("echo", payload);
            result.put("version", version);
        }
        String log = "";
        if ("tail".equalsIgnoreCase(in.header("x-cff-log-type"))) {
            // the documented v1 log format
            String at = java.time.format.DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.now()
                    .truncatedTo(ChronoUnit.SECONDS));
            log = at + " Start invoke request '" + requestId + "', version: " + version + "\n"
                    + (failed ? "ERROR " + result.path("errorMessage").asText() + "\n" : "stand-in echo\n")
                    + "\n" + at + " Finish invoke request '" + requestId + "', duration: 1.000ms, billing duration: 1ms,"
                    + " memory used: 21.473MB, billing memory: " + config.path("memory_size").asInt() + "MB";
        }
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("request_id", requestId);
        out.put("result", result.toString());
        out.put("log", log);
        out.put("status", failed ? 1 : 200);
        Reply r = Reply.json(200, out);
        r.header("X-Cff-Request-Id", requestId);
        r.header("X-Is-Func-Err", String.valueOf(failed));
        r.header("X-Func-Err-Code", failed ? "1" : "0");
        r.header("X-Cff-Response-Version", "v1");
        r.header("X-CFF-Billing-Duration", "1");
        r.header("X-Cff-Invoke-Summary", "{\"funcDigest\":\"" + config.path("digest").asText() + "\",\"duration\":1,"
                + "\"billingDuration\":1,\"memUsage\":22515712,\"billingMem\":" + config.path("memory_size").asInt()
                + ",\"status\":" + (failed ? 1 : 200) + "}");
        return r;
    }

    /** Deterministic weighted routing: invocation n goes to bucket n % 100; the main version takes the first. */
    private static String route(Alias a) {
        long n = a.invocations.getAndIncrement();
        int bucket = (int) (n % 100);
        int extra = 0;
        Iterator<Map.Entry<String, JsonNode>> it = a.weights.fields();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            entries.add(e);
            extra += e.getValue().asInt();
        }
        int threshold = 100 - extra;
        if (bucket < threshold) {
            return a.version;
        }
        for (Map.Entry<String, JsonNode> e : entries) {
            threshold += e.getValue().asInt();
            if (bucket < threshold) {
                return e.getKey();
            }
        }
        return a.version;
    }

    // ------------------------------------------------------------------ inspection for tests

    /** The latest config as ShowFunctionConfig answers it, or null. */
    ObjectNode config(String project, String pkg, String name) {
        synchronized (lock) {
            Fn fn = functions.get(key(project, pkg, name));
            return fn == null ? null : SdkModels.answer(fn.config, fn.encrypted, SdkModels.SHOW_FUNCTION_CONFIG);
        }
    }

    /** The latest code's file, or null. */
    Path codeFile(String project, String pkg, String name) {
        synchronized (lock) {
            Fn fn = functions.get(key(project, pkg, name));
            return fn == null ? null : fn.code.file();
        }
    }

    /** The clear-text encrypted_user_data of the latest config (for assertions only), or null. */
    Map<String, String> encryptedUserData(String project, String pkg, String name) {
        synchronized (lock) {
            Fn fn = functions.get(key(project, pkg, name));
            return fn == null || fn.encrypted == null ? null : Map.copyOf(fn.encrypted);
        }
    }

    List<String> versions(String project, String pkg, String name) {
        synchronized (lock) {
            Fn fn = functions.get(key(project, pkg, name));
            return fn == null ? List.of() : List.copyOf(fn.versions.keySet());
        }
    }

    int functionCount() {
        synchronized (lock) {
            return functions.size();
        }
    }
}
