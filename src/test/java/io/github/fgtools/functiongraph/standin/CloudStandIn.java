package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for Huawei Cloud FunctionGraph v2, IAM and OBS, strict like the real services.
 * One HTTP server on {@code 127.0.0.1:<ephemeral port>} answers all three by path:
 * {@code /v2/{project_id}/fgs/...} FunctionGraph, {@code /v3/...} IAM, anything else OBS path-style
 * {@code /<bucket>/<key>}; {@code /__standin/stop} (POST) and {@code /__standin/health} are control paths.
 *
 * <h2>Identities</h2>
 * Permanent keys {@link #AK}/{@link #SK}; temporary keys {@link #TEMP_AK}/{@link #TEMP_SK} that require
 * {@code X-Security-Token} (OBS: {@code x-obs-security-token}) = {@link #SECURITY_TOKEN}; the IAM token
 * {@link #AUTH_TOKEN} as {@code X-Auth-Token}; project {@link #PROJECT_ID} in region {@link #REGION}
 * (change with {@link #setProjects}); more keys with {@link #addCredentials}.
 *
 * <h2>Authentication</h2>
 * FunctionGraph and IAM: {@code SDK-HMAC-SHA256} is recomputed with the official SDK's {@code AKSKSigner}
 * over the request as received (method, raw path, query, the SignedHeaders with their received values, the
 * body's SHA-256 or {@code X-Sdk-Content-Sha256}, which must then match the body unless
 * {@code UNSIGNED-PAYLOAD}). SignedHeaders must be lower case, sorted, include {@code host} and
 * {@code x-sdk-date}; {@code X-Project-Id}, {@code X-Security-Token} and {@code X-Sdk-Content-Sha256}
 * must be signed when sent. {@code X-Sdk-Date} within 15 minutes. Temporary keys need their token, permanent
 * keys must not send one. FunctionGraph requests signed with AK/SK must carry {@code X-Project-Id} equal
 * to the path's project. Failures: 401 {@code {"error_code":"APIG.0301","error_msg":"Incorrect IAM
 * authentication information: <reason>"}}. (The real gateway's lock-out after five bad signatures is not
 * modelled.) OBS: {@code Authorization: OBS AK:sig} (or AWS V2 {@code AWS AK:sig}) verified with
 * esdk-obs-java's canonical string code; {@code Date}/{@code x-obs-date} within 15 minutes; failures
 * are OBS XML errors (403 {@code SignatureDoesNotMatch} with the {@code StringToSign}, 403
 * {@code InvalidAccessKeyId}, {@code RequestTimeTooSkewed}, ...).
 *
 * <h2>FunctionGraph</h2>
 * Functions are kept per project, package and name. CreateFunction is validated against the seed's JSON
 * schema (400 {@code FSS.0400} listing the validator's messages, e.g. {@code $.memory_size: string found,
 * integer expected}) and the documented rules: {@code FSS.1002} name, {@code FSS.1004} package,
 * {@code FSS.1003} handler ('.' required except runtimes Custom/http, '-' for Custom Image),
 * {@code FSS.1007} memory (the seed's list plus 8192 and 10240), {@code FSS.1008} timeout 3–259200,
 * {@code FSS.1006} code_type missing, {@code FSS.0400}/{@code FSS.1013} code_filename missing or not
 * ending in .zip/.jar, {@code FSS.1012} no func_code.file, {@code FSS.1011} not base64 or not a zip/jar
 * ("PK" magic), {@code FSS.1010} code_url not an existing object of the stand-in's OBS
 * ({@code https://<bucket>.obs.cn-north-4.myhuaweicloud.com/<key>} or {@code http://127.0.0.1:<port>/<bucket>/<key>}),
 * {@code FSS.1009}/{@code FSS.1017}/{@code FSS.1018} user_data and encrypted_user_data (JSON object
 * string, string values, ≤ 20 keys, ≤ 4096 bytes), 409 {@code FSS.1061} exists, 413 {@code FSS.1071}
 * decoded inline package over 50 MB (OBS package over 300 MB). {@code digest} is the hex SHA-512 of the
 * code bytes (decoded func_code.file, or the OBS object), {@code code_size} their length.
 * {@code encrypted_user_data} is never returned or journaled in clear: responses show its keys with empty
 * values ({@code {"password":""}}), as the seed's example response does.
 * CreateFunction does not read a field the seed's body lacks (such as {@code ephemeral_storage}). The
 * answers of CreateFunction, ShowFunctionConfig, UpdateFunctionConfig and UpdateFunctionCode carry exactly
 * the fields of the official SDK's response models ({@link SdkModels}, checked against the SDK by
 * {@code SdkModelsTest}): the LTS binding as {@code log_group_id}/{@code log_stream_id}, never
 * {@code log_config}; no {@code lts_custom_tag}, {@code domain_names} (but in the create and update-config
 * answers) or restore hook in ShowFunctionConfig; a setting the function does not have as 0, false, "", []
 * or null ({@code ephemeral_storage} 512). An UpdateFunctionConfig or UpdateFunctionCode body with a field
 * its SDK request model lacks (e.g. {@code lts_custom_tag}: set on create only) is 400 {@code FSS.0400}.
 * Class isolation, the heartbeat handler and the restore hook are Java only; {@code ephemeral_storage} is
 * 512–10240; the restore hook's handler and timeout (1–300) go together. UpdateFunctionCode sets
 * {@code depend_version_list} when the body has it.
 * UpdateFunctionConfig merges the body into the stored config (omitted fields are kept, JSON null removes
 * a field; func_name must be the URN's and runtime cannot change). UpdateFunctionCode replaces the code
 * (new digest). Only {@code latest} can be updated. A version published without a name is named as the service
 * names it, from the time of publishing in UTC+8: {@code v<yyyyMMdd>-<HHmmss>} (SDK models
 * {@code CreateFunctionVersionResponse} and {@code ListFunctionVersionResult}, field {@code version}), with
 * {@code -2}, {@code -3}, … appended when versions land within one second (so names do not even sort as
 * they were published); a given name must be 1–42 letters, digits, '_', '-', '.', alphanumeric at both ends
 * (409 {@code FSS.1062} when it exists). ListFunctionVersions answers {@code {"versions", "next_marker",
 * "count"}} ({@code ListFunctionVersionsResponse}): {@code latest} first, then the versions in publishing
 * order, each with {@code last_modified} (the time it was published, to the second). Publishing with nothing
 * changed since the last version (code digest, config, encrypted_user_data) is 400 {@code FSS.1016}; at most
 * 20 versions, {@code latest} included (400 {@code FSS.0400} "at most 20 versions"). DELETE of
 * {@code <urn>:<version>} deletes that version and, as the service does, the aliases on it (and removes it
 * from other aliases' additional weights); DELETE of {@code <urn>:latest} is 400, of the URN without a
 * version deletes the function. With a state directory, each function's versions and aliases are written to
 * {@code <stateDir>/standin-releases/<func_name>.json} after every change. Aliases: 409 {@code FSS.1063}, 404 {@code FSS.1053},
 * at most 10, one additional version with weight 1–99; on UpdateVersionAlias an omitted
 * {@code additional_version_weights} is KEPT and {@code {}} clears it. URNs in paths may be 7-field
 * (no qualifier) or 8-field ({@code :latest}, {@code :<version>}, {@code :!<alias>}), raw or
 * percent-encoded; region and project must match.
 *
 * <h2>Invocation ({@code POST .../{urn}/invocations})</h2>
 * Requires {@code X-CFF-Request-Version: v1}; body any JSON up to 6 MB (empty = {}). Answers 200
 * {@code {"request_id", "result", "log", "status"}} with headers {@code X-Cff-Request-Id},
 * {@code X-Is-Func-Err}, {@code X-Func-Err-Code} (0 on success), {@code X-Cff-Response-Version: v1},
 * {@code X-CFF-Billing-Duration} and {@code X-Cff-Invoke-Summary} (header names in exactly this case: the SDK
 * reads them case-sensitively). {@code result} is the JSON string {@code {"echo": <payload>, "version":
 * "<resolved version>"}} and {@code status} 200, as in the API reference's example. When the resolved
 * version's user_data has the key {@code STANDIN_FAIL} (its value, if not empty, is the message) or the
 * payload has {@code "standinFail": true} (message from {@code "standinFailMessage"}), it answers HTTP 200
 * with {@code X-Is-Func-Err: true}, {@code status} 1 and result {@code {"errorMessage": ..., "errorType":
 * "StandInFunctionError", "stackTrace": [...]}}. {@code log} is a tail in the documented
 * "Start invoke request ... / Finish invoke request ..." format when {@code X-Cff-Log-Type: tail}, else
 * empty. An alias with additional weights routes deterministically: invocation n (from 0) of that alias goes
 * to bucket n % 100; buckets below 100 − weight go to the main
 * version, the rest to the additional one.
 *
 * <h2>IAM</h2>
 * {@code GET /v3/projects?name=<region>} (AK/SK or token) lists the region's projects;
 * {@code POST /v3/auth/tokens} with password auth for {@link #IAM_USER}/{@link #IAM_PASSWORD} in domain
 * {@link #IAM_DOMAIN} answers 201 with {@code X-Subject-Token: }{@link #AUTH_TOKEN}.
 *
 * <h2>OBS</h2>
 * Path-style single PUT (Content-MD5 checked when sent; ETag = quoted hex MD5), GET, HEAD (404 without
 * body when absent), DELETE of objects; {@code HEAD /<bucket>} answers {@code x-obs-api: 3.0} (the SDK's
 * auth negotiation); list objects minimal. Multipart upload, copy and other sub-resources answer 501.
 * Buckets exist on first use unless {@link #setMissingBucket}. Bodies are streamed to files.
 *
 * <h2>Journal</h2>
 * Every request (not the control paths) becomes a {@link RecordedRequest}; with a state directory each is
 * also appended as one JSON line to {@code <stateDir>/standin-journal.jsonl} (truncated at start), and the
 * latest code of each function is written to {@code <stateDir>/standin-code/<func_name>.bin}.
 */
public final class CloudStandIn implements AutoCloseable {

    public static final String AK = "STANDINAK00000000001";
    public static final String SK = "standin-SK-0123456789abcdefghijklmnopqrstuv";
    public static final String TEMP_AK = "STANDINTEMPAK0000002";
    public static final String TEMP_SK = "standin-temp-SK-0123456789abcdefghijklmnop";
    public static final String SECURITY_TOKEN = "standin-security-token-000111";
    public static final String AUTH_TOKEN = "standin-iam-token-abcdef";
    public static final String PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public static final String REGION = "cn-north-4";
    public static final String IAM_USER = "standin-user";
    public static final String IAM_PASSWORD = "standin-password-1";
    public static final String IAM_DOMAIN = "standin-domain";
    public static final String JOURNAL_FILE = "standin-journal.jsonl";
    public static final String CODE_DIR = "standin-code";
    /** Request bodies kept in memory (FunctionGraph, IAM) are limited to this; OBS bodies go to files. */
    static final long MAX_MEMORY_BODY = 128L * 1024 * 1024;

    private static final Pattern SECRET_HEADERS = Pattern.compile(
            "authorization|x-security-token|x-auth-token|x-obs-security-token|x-amz-security-token|cookie"
                    + "|proxy-authorization|x-subject-token");
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(?i)password|secret|sk|secret_key|access_key_secret|security_token|securitytoken|token|id_token");

    private record Cred(String sk, String token) {
    }

    private record QueuedFault(String method, Pattern path, Fault fault) {
    }

    private final RawHttpServer server;
    private final String baseUrl;
    private final Path stateDir;
    private final Path workDir;
    private final boolean deleteWorkDir;
    private final Map<String, Cred> credentials = new ConcurrentHashMap<>();
    private final Map<String, List<String>> projects = new ConcurrentHashMap<>();
    private final ObsApi obs;
    private final FunctionGraphApi fg;
    private final TriggersApi triggers;
    private final ScalingApi scaling;
    private final ReservedInstancesApi reserved;
    private final TagsApi tags = new TagsApi();
    private final List<QueuedFault> faults = new ArrayList<>();
    private final List<RecordedRequest> journal = new ArrayList<>();
    private final BufferedWriter journalWriter;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile boolean closed;

    private CloudStandIn(int port, Path stateDir) throws IOException {
        this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath();
        if (this.stateDir != null) {
            Files.createDirectories(this.stateDir);
            this.workDir = Files.createDirectories(this.stateDir.resolve("standin-work"));
            this.deleteWorkDir = false;
            this.journalWriter = Files.newBufferedWriter(this.stateDir.resolve(JOURNAL_FILE), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } else {
            this.workDir = Files.createTempDirectory("standin-");
            this.deleteWorkDir = true;
            this.journalWriter = null;
        }
        Path obsDir = Files.createDirectories(workDir.resolve("obs"));
        Path codeDir = Files.createDirectories(workDir.resolve("code"));
        credentials.put(AK, new Cred(SK, null));
        credentials.put(TEMP_AK, new Cred(TEMP_SK, SECURITY_TOKEN));
        projects.put(REGION, List.of(PROJECT_ID));
        this.obs = new ObsApi(obsDir, new ObsVerifier.SecretLookup() {
            @Override
            public String secretKey(String ak) {
                Cred c = credentials.get(ak);
                return c == null ? null : c.sk();
            }

            @Override
            public String requiredToken(String ak) {
                Cred c = credentials.get(ak);
                return c == null ? null : c.token();
            }
        });
        this.fg = new FunctionGraphApi(codeDir, this.stateDir == null ? null : this.stateDir.resolve(CODE_DIR), obs,
                this::regionOf);
        this.triggers = new TriggersApi((p, pkg, name) -> fg.config(p, pkg, name) != null, "apig.standin.example");
        this.scaling = new ScalingApi(fg::config);
        this.reserved = new ReservedInstancesApi(fg::config);
        this.server = new RawHttpServer(port, this::handle);
        this.baseUrl = "http://127.0.0.1:" + server.port();
    }

    /** Starts on an ephemeral port without a state directory. */
    public static CloudStandIn start() {
        return start(0, null);
    }

    /** Starts on an ephemeral port, journaling to {@code stateDir} (see the class comment). */
    public static CloudStandIn start(Path stateDir) {
        return start(0, stateDir);
    }

    /** Starts on {@code port} (0: ephemeral); {@code stateDir} may be null. */
    public static CloudStandIn start(int port, Path stateDir) {
        try {
            return new CloudStandIn(port, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    /** The state directory, or null. */
    public Path stateDir() {
        return stateDir;
    }

    // ------------------------------------------------------------------ configuration

    /** Adds permanent credentials. */
    public CloudStandIn addCredentials(String ak, String sk) {
        credentials.put(ak, new Cred(sk, null));
        return this;
    }

    /** Adds temporary credentials that need {@code securityToken}. */
    public CloudStandIn addTemporaryCredentials(String ak, String sk, String securityToken) {
        credentials.put(ak, new Cred(sk, securityToken));
        return this;
    }

    /** Makes {@code GET /v3/projects?name=<region>} return these ids (empty: none). */
    public CloudStandIn setProjects(String region, List<String> ids) {
        projects.put(region, List.copyOf(ids));
        return this;
    }

    /** Makes OBS answer 404 NoSuchBucket for this bucket (and forgets its objects). */
    public CloudStandIn setMissingBucket(String bucket) {
        obs.setMissingBucket(bucket);
        return this;
    }

    /**
     * Queues a fault for the next request whose method equals {@code method} ({@code "*"} or null: any)
     * and whose path (raw as received, or percent-decoded) fully matches {@code pathRegex}.
     */
    public CloudStandIn enqueueFault(String method, String pathRegex, Fault fault) {
        synchronized (faults) {
            faults.add(new QueuedFault(method == null ? "*" : method, Pattern.compile(pathRegex), fault));
        }
        return this;
    }

    /** Faults not yet consumed. */
    public int pendingFaults() {
        synchronized (faults) {
            return faults.size();
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    private Fault takeFault(String method, String rawPath) {
        String decoded = ObsApi.percentDecode(rawPath);
        synchronized (faults) {
            for (Iterator<QueuedFault> it = faults.iterator(); it.hasNext(); ) {
                QueuedFault q = it.next();
                if ((q.method().equals("*") || q.method().equalsIgnoreCase(method))
                        && (q.path().matcher(rawPath).matches() || q.path().matcher(decoded).matches())) {
                    it.remove();
                    return q.fault();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ direct state access (no auth, no journal)

    /**
     * Creates a function in project {@link #PROJECT_ID} as CreateFunction would (same validation).
     *
     * @return the response body
     * @throws IllegalArgumentException with the error when the body is refused
     */
    public JsonNode createFunction(JsonNode body) {
        return createFunction(PROJECT_ID, body);
    }

    public JsonNode createFunction(String projectId, JsonNode body) {
        if (!(body instanceof ObjectNode o)) {
            throw new IllegalArgumentException("a CreateFunction body is a JSON object");
        }
        Reply r = fg.createFunction(o.deepCopy(), projectId);
        JsonNode answer = readJson(r.body);
        if (r.status != 200) {
            throw new IllegalArgumentException("CreateFunction refused: " + r.status + " " + answer);
        }
        return answer;
    }

    /** Creates a trigger of function {@code name} (package default) on {@code qualifier}, as if in the console. */
    public JsonNode createTrigger(String name, String qualifier, JsonNode body) {
        return triggers.create(PROJECT_ID, "default", name, qualifier, regionOf(PROJECT_ID), (ObjectNode) body);
    }

    /** The triggers of function {@code name} (package default) on {@code qualifier}, as ListFunctionTriggers. */
    public List<JsonNode> triggers(String name, String qualifier) {
        return triggers.list(PROJECT_ID, "default", name, qualifier);
    }

    /** The latest configuration of a function in {@link #PROJECT_ID}, as ShowFunctionConfig answers it, or null. */
    public JsonNode functionConfig(String pkg, String name) {
        return scaling.overlay(PROJECT_ID, pkg, name, fg.config(PROJECT_ID, pkg, name));
    }

    /** The tags of function {@code name} (package {@code default}), by its func_id. */
    public Map<String, String> functionTags(String name) {
        JsonNode c = functionConfig(name);
        return c == null ? Map.of() : tags.tags(c.path("func_id").asText());
    }

    /** Sets tags on function {@code name} (package {@code default}) as another tool would. */
    public void putFunctionTags(String name, Map<String, String> more) {
        tags.put(functionConfig(name).path("func_id").asText(), more);
    }

    /** The latest configuration of function {@code name} in package {@code default}, or null. */
    public JsonNode functionConfig(String name) {
        return functionConfig("default", name);
    }

    /** The bytes of the latest code of a function (package {@code default}), or null. */
    public byte[] functionCode(String name) {
        return functionCode("default", name);
    }

    public byte[] functionCode(String pkg, String name) {
        Path p = fg.codeFile(PROJECT_ID, pkg, name);
        try {
            return p == null ? null : Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clear-text encrypted_user_data the stand-in holds (for assertions; never answered), or null. */
    public Map<String, String> encryptedUserData(String pkg, String name) {
        return fg.encryptedUserData(PROJECT_ID, pkg, name);
    }

    /**
     * Fixes FunctionGraph's clock (version names, {@code last_modified}): with a fixed clock the names of unnamed
     * versions are known in advance, {@code v<yyyyMMdd>-<HHmmss>} of that instant in UTC+8, then {@code -2}, {@code -3}…
     */
    public CloudStandIn setClock(java.time.Clock clock) {
        fg.setClock(clock);
        return this;
    }

    /** Published version names of a function, oldest first. */
    public List<String> functionVersions(String pkg, String name) {
        return fg.versions(PROJECT_ID, pkg, name);
    }

    /** Stores an object directly (no auth, not journaled). */
    public void putObject(String bucket, String key, byte[] bytes) {
        obs.clearMissingBucket(bucket);
        obs.put(bucket, key, bytes, "binary/octet-stream");
    }

    /** An object's bytes, or null. */
    public byte[] objectBytes(String bucket, String key) {
        ObsApi.StoredObject o = obs.get(bucket, key);
        try {
            return o == null ? null : Files.readAllBytes(o.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object's size, or -1 when absent. */
    public long objectSize(String bucket, String key) {
        ObsApi.StoredObject o = obs.get(bucket, key);
        return o == null ? -1 : o.size();
    }

    // ------------------------------------------------------------------ journal

    /** A copy of the journal, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** Empties the in-memory journal (the jsonl file keeps its lines). */
    public void clearRequests() {
        synchronized (journal) {
            journal.clear();
        }
    }

    private void record(RecordedRequest r) {
        synchronized (journal) {
            journal.add(r);
            if (journalWriter != null) {
                try {
                    journalWriter.write(Http.JSON.writeValueAsString(r.toMap()));
                    journalWriter.write('\n');
                    journalWriter.flush();
                } catch (IOException e) {
                    // the in-memory journal still has it
                }
            }
        }
    }

    // ------------------------------------------------------------------ HTTP

    private static String serviceOf(String rawPath) {
        if (rawPath.startsWith("/v2/")) {
            return "functiongraph";
        }
        if (rawPath.startsWith("/v3/")) {
            return "iam";
        }
        return "obs";
    }

    private void handle(RawHttpServer.Exchange ex) {
        Instant time = Instant.now();
        String method = ex.method;
        String rawPath = ex.rawPath.isEmpty() ? "/" : ex.rawPath;
        String rawQuery = ex.rawQuery;
        Map<String, String> headers = new LinkedHashMap<>();
        for (String[] h : ex.headers) {
            headers.putIfAbsent(h[0].toLowerCase(Locale.ROOT), h[1]);
        }
        if (rawPath.startsWith("/__standin/")) {
            control(ex, method, rawPath);
            return;
        }
        String service = serviceOf(rawPath);
        Incoming in = null;
        try {
            Fault fault = takeFault(method, rawPath);
            Fault.Kind kind = fault == null ? null : fault.kind();
            if (kind == Fault.Kind.DELAY) {
                Thread.sleep(fault.delayMillis());
            }
            if (kind == Fault.Kind.HANG) {
                record(journalEntry(time, service, method, rawPath, rawQuery, headers, null, null, 0, fault));
                closedLatch.await();
                ex.drop();
                return;
            }
            Object body = readBody(ex, method, service, headers);
            if (body instanceof Reply tooLarge) {
                in = new Incoming(method, rawPath, rawQuery, headers, null, null, 0, null, null);
                record(journalEntry(time, service, method, rawPath, rawQuery, headers, in, tooLarge,
                        tooLarge.status, fault));
                send(ex, method, service, tooLarge);
                return;
            }
            in = (Incoming) body;
            Incoming req = new Incoming(method, rawPath, rawQuery, headers, in.body, in.bodyFile, in.bodySize,
                    in.bodySha256, in.bodyMd5Base64);
            in = req;
            if (kind == Fault.Kind.DROP) {
                record(journalEntry(time, service, method, rawPath, rawQuery, headers, in, null, 0, fault));
                ex.drop();
                return;
            }
            Reply reply = kind == Fault.Kind.STATUS ? faultReply(fault) : dispatch(service, in);
            if (kind == Fault.Kind.DROP_AFTER_HANDLING) {
                record(journalEntry(time, service, method, rawPath, rawQuery, headers, in, reply, reply.status, fault));
                ex.drop();
                return;
            }
            // journaled before answering: a client that has its answer finds the request in the journal
            record(journalEntry(time, service, method, rawPath, rawQuery, headers, in, reply, reply.status, fault));
            send(ex, method, service, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.drop();
        } catch (Throwable t) {
            Reply r = service.equals("obs") ? ObsApi.error(500, "InternalError", "stand-in failure: " + t, rawPath,
                    method) : Reply.error(500, "FSS.0500", "Internal server error (stand-in: " + t + ")");
            record(journalEntry(time, service, method, rawPath, rawQuery, headers, in, r, 500, null));
            try {
                send(ex, method, service, r);
            } catch (Throwable ignored) {
                ex.drop();
            }
            if (!closed) {
                t.printStackTrace();
            }
        } finally {
            if (in != null && in.bodyFile != null) {
                FunctionGraphApi.deleteQuietly(in.bodyFile);
            }
        }
    }

    /** Reads the body: OBS PUT/POST to a file, everything else to memory (at most 128 MB). */
    private Object readBody(RawHttpServer.Exchange ex, String method, String service, Map<String, String> headers)
            throws IOException {
        MessageDigest sha = ObsApi.digest("SHA-256");
        MessageDigest md5 = ObsApi.digest("MD5");
        try (InputStream is = ex.body()) {
            if (service.equals("obs") && (method.equals("PUT") || method.equals("POST"))) {
                Path tmp = Files.createTempFile(obs.directory(), "upload-", ".tmp");
                long size;
                try (OutputStream os = new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), sha),
                        md5)) {
                    size = is.transferTo(os);
                }
                return new Incoming(method, null, null, headers, null, tmp, size,
                        HexFormat.of().formatHex(sha.digest()), Base64.getEncoder().encodeToString(md5.digest()));
            }
            long declared = -1;
            try {
                declared = Long.parseLong(headers.getOrDefault("content-length", "-1"));
            } catch (NumberFormatException e) {
                // chunked
            }
            if (declared > MAX_MEMORY_BODY) {
                long n = is.transferTo(OutputStream.nullOutputStream());
                Reply r = Reply.error(413, "APIG.0201", "Request entity too large: " + n + " bytes");
                return r;
            }
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = is.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_MEMORY_BODY) {
                    total += is.transferTo(OutputStream.nullOutputStream());
                    return Reply.error(413, "APIG.0201", "Request entity too large: " + total + " bytes");
                }
                bos.write(buf, 0, n);
            }
            byte[] body = bos.toByteArray();
            return new Incoming(method, null, null, headers, body, null, body.length,
                    HexFormat.of().formatHex(sha.digest(body)), Base64.getEncoder().encodeToString(md5.digest(body)));
        }
    }

    private static Reply faultReply(Fault f) {
        Reply r = new Reply(f.statusCode());
        String body = f.body();
        r.body = body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8);
        boolean hasType = f.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
        if (!hasType && !body.isEmpty()) {
            String t = body.stripLeading();
            r.header("Content-Type", t.startsWith("{") || t.startsWith("[") ? "application/json"
                    : t.startsWith("<") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        }
        f.headers().forEach(r::header);
        try {
            JsonNode n = Http.JSON.readTree(body);
            if (n != null && n.has("error_code")) {
                r.errorCode = n.get("error_code").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON
        }
        return r;
    }

    private void send(RawHttpServer.Exchange ex, String method, String service, Reply r) throws IOException {
        Map<String, String> h = new LinkedHashMap<>(r.headers);
        if (!service.equals("obs") && h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("X-Request-Id"))) {
            h.put("X-Request-Id", Http.requestId().replace("-", ""));
        }
        if (method.equals("HEAD")) {
            ex.respondHead(r.status, h, r.headLength);
        } else if (r.file != null) {
            ex.respondFile(r.status, h, r.file);
        } else {
            ex.respond(r.status, h, r.body);
        }
    }

    private Reply dispatch(String service, Incoming in) throws IOException {
        switch (service) {
            case "functiongraph": {
                String[] segs = in.rawPath.substring(1).split("/", -1);
                boolean triggerApi = segs.length >= 4 && segs[3].equals("triggers");
                boolean tagApi = segs.length >= 5 && segs[2].equals("functions") && segs[4].equals("tags");
                if (tagApi && !segs[1].isEmpty()) {
                    Reply denied = authenticate(in, segs[1]);
                    Reply r = denied != null ? denied : tags.handle(in, segs[1], Arrays.asList(segs).subList(3,
                            segs.length));
                    copyAuth(in, r);
                    return r;
                }
                if (segs.length < 4 || !segs[2].equals("fgs") || !(segs[3].equals("functions") || triggerApi)
                        || segs[1].isEmpty()) {
                    return FunctionGraphApi.notFoundApi();
                }
                String project = segs[1];
                Reply denied = authenticate(in, project);
                if (denied != null) {
                    return denied;
                }
                List<String> rest = Arrays.asList(segs).subList(4, segs.length);
                Reply r = triggerApi ? triggers.handle(in, project, rest) : scaling.before(in, project, rest);
                if (r == null && !triggerApi) {
                    r = reserved.handle(in, project, rest);
                }
                if (r == null) {
                    r = scaling.after(in, project, rest, fg.handle(in, project, rest));
                }
                copyAuth(in, r);
                return r;
            }
            case "iam": {
                if (in.rawPath.equals("/v3/auth/tokens") && in.method.equals("POST")) {
                    return token(in);
                }
                if (!in.rawPath.equals("/v3/projects") || !in.method.equals("GET")) {
                    return FunctionGraphApi.notFoundApi();
                }
                Reply denied = authenticate(in, null);
                if (denied != null) {
                    return denied;
                }
                Reply r = listProjects(in);
                copyAuth(in, r);
                return r;
            }
            default:
                return obs.handle(in);
        }
    }

    // ------------------------------------------------------------------ auth

    private final ThreadLocal<Reply> authInfo = new ThreadLocal<>();

    private void copyAuth(Incoming in, Reply r) {
        Reply a = authInfo.get();
        authInfo.remove();
        if (a != null) {
            r.authType = a.authType;
            r.accessKey = a.accessKey;
            r.signedHeaders = a.signedHeaders;
        }
    }

    /** @return null when authenticated (details left in {@link #authInfo}), else the 401 to answer */
    private Reply authenticate(Incoming in, String pathProject) {
        Reply info = new Reply(0);
        authInfo.set(info);
        String authz = in.header("authorization");
        String reason;
        if (authz != null && authz.startsWith(AkSkVerifier.ALGORITHM + " ")) {
            info.authType = "aksk";
            AkSkVerifier.Authorization a = AkSkVerifier.Authorization.parse(authz);
            info.accessKey = a.accessKey();
            info.signedHeaders = a.signedHeaders();
            reason = verifyAkSk(in, a, pathProject);
        } else if (authz != null) {
            info.authType = "none";
            reason = "unsupported Authorization scheme '" + authz.split(" ", 2)[0] + "' (expected "
                    + AkSkVerifier.ALGORITHM + ")";
        } else if (in.header("x-auth-token") != null) {
            info.authType = "token";
            reason = AUTH_TOKEN.equals(in.header("x-auth-token")) ? null : "the X-Auth-Token is invalid or expired";
            if (reason == null && pathProject != null && regionOf(pathProject) == null) {
                reason = "the project " + pathProject + " does not belong to the account";
            }
        } else {
            info.authType = "none";
            reason = "the request has neither an Authorization nor an X-Auth-Token header";
        }
        if (reason == null) {
            return null;
        }
        authInfo.remove();
        ObjectNode n = Http.JSON.createObjectNode();
        n.put("error_code", "APIG.0301");
        n.put("error_msg", "Incorrect IAM authentication information: " + reason);
        n.put("request_id", Http.requestId().replace("-", ""));
        Reply r = Reply.json(401, n);
        r.errorCode = "APIG.0301";
        r.authType = info.authType;
        r.accessKey = info.accessKey;
        r.signedHeaders = info.signedHeaders;
        r.authFailure = reason;
        return r;
    }

    private String verifyAkSk(Incoming in, AkSkVerifier.Authorization a, String pathProject) {
        if (a.accessKey() == null || a.accessKey().isEmpty()) {
            return "the Authorization header has no Access";
        }
        Cred c = credentials.get(a.accessKey());
        if (c == null) {
            return "ak " + a.accessKey() + " not exist";
        }
        String token = in.header("x-security-token");
        if (c.token() != null && token == null) {
            return "the temporary ak " + a.accessKey() + " needs X-Security-Token";
        }
        if (c.token() != null && !c.token().equals(token)) {
            return "the X-Security-Token is invalid for ak " + a.accessKey();
        }
        if (c.token() == null && token != null) {
            return "X-Security-Token sent with the permanent ak " + a.accessKey();
        }
        AkSkVerifier.Result result = AkSkVerifier.verify(in.method, in.rawPath, in.rawQuery, in.headers, a, c.sk(),
                in.bodySha256, Instant.now());
        if (result.failure() != null) {
            return result.failure();
        }
        if (pathProject != null) {
            String xp = in.header("x-project-id");
            if (xp == null) {
                return "X-Project-Id is required with AK/SK for FunctionGraph";
            }
            if (!xp.equals(pathProject)) {
                return "X-Project-Id " + xp + " does not match the project " + pathProject + " of the path";
            }
            if (regionOf(pathProject) == null) {
                return "the project " + pathProject + " does not belong to the account of ak " + a.accessKey();
            }
        }
        return null;
    }

    /** The region of a project id, or null when unknown. */
    String regionOf(String projectId) {
        for (Map.Entry<String, List<String>> e : projects.entrySet()) {
            if (e.getValue().contains(projectId)) {
                return e.getKey();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ IAM

    private Reply listProjects(Incoming in) {
        Map<String, List<String>> q = AkSkVerifier.parseQuery(in.rawQuery);
        String name = q.containsKey("name") ? q.get("name").get(0) : null;
        ObjectNode out = Http.JSON.createObjectNode();
        ArrayNode arr = out.putArray("projects");
        projects.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (name == null || name.equals(e.getKey())) {
                for (String id : e.getValue()) {
                    ObjectNode p = arr.addObject();
                    p.put("domain_id", FunctionGraphApi.DOMAIN_ID);
                    p.put("is_domain", false);
                    p.put("parent_id", FunctionGraphApi.DOMAIN_ID);
                    p.put("name", e.getKey());
                    p.put("description", "");
                    p.putObject("links").put("next", (String) null).put("previous", (String) null)
                            .put("self", baseUrl + "/v3/projects/" + id);
                    p.put("id", id);
                    p.put("enabled", true);
                }
            }
        });
        out.putObject("links").put("next", (String) null).put("previous", (String) null)
                .put("self", baseUrl + "/v3/projects");
        return Reply.json(200, out);
    }

    private Reply token(Incoming in) {
        JsonNode b = in.json();
        JsonNode user = b == null ? null : b.path("auth").path("identity").path("password").path("user");
        boolean methodOk = b != null && b.path("auth").path("identity").path("methods").toString()
                .contains("\"password\"");
        if (user == null || !methodOk || !IAM_USER.equals(user.path("name").asText(null))
                || !IAM_PASSWORD.equals(user.path("password").asText(null))
                || !IAM_DOMAIN.equals(user.path("domain").path("name").asText(null))) {
            ObjectNode n = Http.JSON.createObjectNode();
            n.putObject("error").put("code", 401).put("message", "The username or password is wrong.")
                    .put("title", "Unauthorized");
            Reply r = Reply.json(401, n);
            r.errorCode = "401";
            r.authType = "password";
            return r;
        }
        String projectName = b.path("auth").path("scope").path("project").path("name").asText(REGION);
        List<String> ids = projects.getOrDefault(projectName, List.of());
        ObjectNode n = Http.JSON.createObjectNode();
        ObjectNode t = n.putObject("token");
        t.put("expires_at", OffsetDateTime.now(ZoneOffset.UTC).plusHours(24).toString());
        t.put("issued_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        t.putArray("methods").add("password");
        if (!ids.isEmpty()) {
            t.putObject("project").put("id", ids.get(0)).put("name", projectName).putObject("domain")
                    .put("id", FunctionGraphApi.DOMAIN_ID).put("name", IAM_DOMAIN);
        }
        t.putObject("user").put("name", IAM_USER).put("id", "standin-user-id").putObject("domain")
                .put("id", FunctionGraphApi.DOMAIN_ID).put("name", IAM_DOMAIN);
        Reply r = Reply.json(201, n);
        r.header("X-Subject-Token", AUTH_TOKEN);
        r.authType = "password";
        return r;
    }

    // ------------------------------------------------------------------ control

    private void control(RawHttpServer.Exchange ex, String method, String rawPath) {
        try {
            ex.body().transferTo(OutputStream.nullOutputStream());
            if (rawPath.equals("/__standin/stop") && method.equals("POST")) {
                send(ex, method, "control", Reply.text(200, "text/plain", "stopping\n"));
                Thread t = new Thread(this::close, "standin-stop");
                t.setDaemon(true);
                t.start();
            } else if (rawPath.equals("/__standin/health")) {
                send(ex, method, "control", Reply.text(200, "text/plain", "ok\n"));
            } else if (rawPath.equals("/__standin/journal") && method.equals("GET")) {
                ArrayNode arr = Http.JSON.createArrayNode();
                requests().forEach(r -> arr.add(Http.JSON.valueToTree(r.toMap())));
                send(ex, method, "control", Reply.json(200, arr));
            } else {
                send(ex, method, "control", Reply.text(404, "text/plain", "unknown control path\n"));
            }
        } catch (IOException e) {
            ex.drop();
        }
    }

    // ------------------------------------------------------------------ journal entries

    private RecordedRequest journalEntry(Instant time, String service, String method, String rawPath, String rawQuery,
            Map<String, String> headers, Incoming in, Reply reply, int status, Fault fault) {
        Map<String, String> safe = new LinkedHashMap<>();
        headers.forEach((k, v) -> safe.put(k, SECRET_HEADERS.matcher(k).matches() ? "***" : v));
        JsonNode body = null;
        String bodySha = null;
        long size = 0;
        if (in != null) {
            size = in.bodySize;
            if (in.body != null && in.body.length > 0 && looksJson(in)) {
                JsonNode parsed = in.json();
                body = parsed == null ? null : sanitize(parsed.deepCopy(), null);
            }
            if (in.bodyFile != null || (in.body != null && in.body.length > 0 && body == null)) {
                bodySha = in.bodySha256;
            }
        }
        String authType = "none";
        String ak = null;
        List<String> signed = List.of();
        String errorCode = null;
        String authFailure = null;
        if (reply != null) {
            authType = reply.authType;
            ak = reply.accessKey;
            signed = reply.signedHeaders;
            errorCode = reply.errorCode;
            authFailure = reply.authFailure;
        } else {
            String authz = headers.get("authorization");
            if (authz != null && authz.startsWith(AkSkVerifier.ALGORITHM)) {
                AkSkVerifier.Authorization a = AkSkVerifier.Authorization.parse(authz);
                authType = "aksk";
                ak = a.accessKey();
                signed = a.signedHeaders();
            }
        }
        return new RecordedRequest(time, service, method, rawPath, rawQuery, Map.copyOf(safe), authType, ak,
                List.copyOf(signed), size, body, bodySha, status, errorCode, authFailure,
                fault == null ? null : fault.journalName());
    }

    private static boolean looksJson(Incoming in) {
        String ct = in.header("content-type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (byte b : in.body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    /** Replaces func_code.file by its size and sha256, and secrets by "***". */
    static JsonNode sanitize(JsonNode node, String parentField) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                JsonNode v = o.get(f);
                if (f.equals("encrypted_user_data") || (SECRET_FIELDS.matcher(f).matches() && v.isValueNode())) {
                    o.put(f, "***");
                } else if (f.equals("file") && "func_code".equals(parentField) && v.isTextual()) {
                    o.set(f, fileSummary(v.asText()));
                } else {
                    sanitize(v, f);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> sanitize(n, parentField));
        }
        return node;
    }

    private static JsonNode fileSummary(String base64) {
        ObjectNode s = Http.JSON.createObjectNode();
        s.put("base64Length", base64.length());
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            s.put("size", bytes.length);
            s.put("sha256", HexFormat.of().formatHex(ObsApi.digest("SHA-256").digest(bytes)));
        } catch (IllegalArgumentException e) {
            s.put("size", -1);
            s.putNull("sha256");
            s.put("invalidBase64", true);
        }
        return s;
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return bytes == null ? null : Http.JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the server; hanging requests are released (their connections closed). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closedLatch.countDown();
        server.close();
        synchronized (journal) {
            if (journalWriter != null) {
                try {
                    journalWriter.close();
                } catch (IOException e) {
                    // ignore
                }
            }
        }
        if (deleteWorkDir) {
            try (Stream<Path> s = Files.walk(workDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(FunctionGraphApi::deleteQuietly);
            } catch (IOException e) {
                // ignore
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Blocks until {@link #close()} (or {@code POST /__standin/stop}). */
    public void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    /**
     * {@code java ... CloudStandIn [port [stateDir]]}: starts on the port (default 0 = ephemeral), prints the
     * base URL and the identities, and runs until killed or {@code POST /__standin/stop}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path state = args.length > 1 ? Path.of(args[1]) : null;
        CloudStandIn s = start(port, state);
        System.out.println(s.baseUrl());
        System.out.println("# AK=" + AK + " SK=" + SK + " PROJECT_ID=" + PROJECT_ID + " REGION=" + REGION);
        System.out.flush();
        s.awaitClose();
    }

    Set<String> knownAccessKeys() {
        return Set.copyOf(credentials.keySet());
    }
}
