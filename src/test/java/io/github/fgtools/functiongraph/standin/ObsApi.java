package io.github.fgtools.functiongraph.standin;

import io.github.fgtools.functiongraph.standin.Http.Incoming;
import io.github.fgtools.functiongraph.standin.Http.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Path-style OBS: {@code PUT/GET/HEAD/DELETE /<bucket>/<key>}, {@code HEAD /<bucket>}, list. */
final class ObsApi {

    static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

    /** A stored object; the file is never modified after being stored. */
    record StoredObject(String bucket, String key, Path file, long size, String md5Hex, String sha256Hex,
            String contentType, Instant lastModified) {
        String etag() {
            return "\"" + md5Hex + "\"";
        }
    }

    private final Path dir;
    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Set<String> missingBuckets = ConcurrentHashMap.newKeySet();
    private final ObsVerifier.SecretLookup keys;

    ObsApi(Path dir, ObsVerifier.SecretLookup keys) {
        this.dir = dir;
        this.keys = keys;
    }

    Path directory() {
        return dir;
    }

    void setMissingBucket(String bucket) {
        missingBuckets.add(bucket);
        buckets.remove(bucket);
    }

    void clearMissingBucket(String bucket) {
        missingBuckets.remove(bucket);
    }

    boolean bucketMissing(String bucket) {
        return missingBuckets.contains(bucket);
    }

    StoredObject get(String bucket, String key) {
        Map<String, StoredObject> b = buckets.get(bucket);
        return b == null ? null : b.get(key);
    }

    /** Stores bytes directly (test setup, no auth, not journaled). */
    StoredObject put(String bucket, String key, byte[] bytes, String contentType) {
        try {
            Path tmp = Files.createTempFile(dir, "put-", ".tmp");
            Files.write(tmp, bytes);
            return store(bucket, key, tmp, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredObject store(String bucket, String key, Path tmp, String contentType) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha = digest("SHA-256");
        long size = 0;
        try (InputStream in = Files.newInputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md5.update(buf, 0, n);
                sha.update(buf, 0, n);
                size += n;
            }
        }
        Path target = dir.resolve("obj-" + UUID.randomUUID() + ".bin");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        StoredObject o = new StoredObject(bucket, key, target, size, HexFormat.of().formatHex(md5.digest()),
                HexFormat.of().formatHex(sha.digest()), contentType == null ? "binary/octet-stream" : contentType,
                Instant.now());
        StoredObject old = buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).put(key, o);
        if (old != null) {
            Files.deleteIfExists(old.file());
        }
        return o;
    }

    static MessageDigest digest(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Reply handle(Incoming in) throws IOException {
        if (in.method.equals("HEAD") && in.header("authorization") == null
                && AkSkVerifier.parseQuery(in.rawQuery).containsKey("apiversion")) {
            // esdk-obs-java's unsigned auth-type negotiation probe
            Reply r = new Reply(200);
            r.headLength = 0;
            r.header("x-obs-api", "3.0");
            r.headers.putIfAbsent("x-obs-request-id", Http.requestId().replace("-", "").substring(0, 24).toUpperCase());
            return r;
        }
        ObsVerifier.Result auth = ObsVerifier.verify(in.method, in.rawPath, in.rawQuery, in.headers, keys,
                Instant.now());
        Reply r = dispatch(in, auth);
        r.authType = auth.scheme() == null ? "none" : auth.scheme().equals("OBS") ? "obs" : "aws-v2";
        r.accessKey = auth.accessKey();
        if (!auth.ok()) {
            r.authFailure = auth.code() + ": " + auth.message();
        }
        r.headers.putIfAbsent("x-obs-request-id", Http.requestId().replace("-", "").substring(0, 24).toUpperCase());
        r.headers.putIfAbsent("x-obs-id-2", "standin" + UUID.randomUUID().toString().replace("-", ""));
        r.headers.putIfAbsent("Server", "OBS");
        return r;
    }

    private Reply dispatch(Incoming in, ObsVerifier.Result auth) throws IOException {
        String rest = in.rawPath.length() > 1 ? in.rawPath.substring(1) : "";
        int slash = rest.indexOf('/');
        String bucket = percentDecode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 ? "" : percentDecode(rest.substring(slash + 1));
        String resource = "/" + bucket + (key.isEmpty() ? "" : "/" + key);
        if (!auth.ok()) {
            Reply r = error(auth.status(), auth.code(), auth.message(), resource, in.method);
            if (auth.stringToSign() != null && r.body != null) {
                String xml = new String(r.body, StandardCharsets.UTF_8).replace("</Error>",
                        "<AccessKeyId>" + esc(auth.accessKey()) + "</AccessKeyId><StringToSign>"
                                + esc(auth.stringToSign()) + "</StringToSign></Error>");
                r.body = xml.getBytes(StandardCharsets.UTF_8);
            }
            return r;
        }
        if (bucket.isEmpty()) {
            return error(405, "MethodNotAllowed", "The stand-in does not list buckets", "/", in.method);
        }
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            return error(400, "InvalidBucketName", "The specified bucket is not valid.", resource, in.method);
        }
        if (missingBuckets.contains(bucket)) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist", resource, in.method);
        }
        Map<String, java.util.List<String>> query = AkSkVerifier.parseQuery(in.rawQuery);
        if (key.isEmpty()) {
            switch (in.method) {
                case "HEAD": {
                    Reply r = new Reply(200);
                    r.headLength = 0;
                    r.header("x-obs-api", "3.0").header("x-obs-bucket-location", CloudStandIn.REGION)
                            .header("x-obs-version", "3.0");
                    return r;
                }
                case "PUT":
                    buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
                    return new Reply(200);
                case "GET":
                    if (query.containsKey("apiversion") || query.containsKey("location")) {
                        return xml(200, "<Location xmlns=\"http://obs.myhwclouds.com/doc/2015-06-30/\">"
                                + CloudStandIn.REGION + "</Location>");
                    }
                    return list(bucket, query);
                default:
                    return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                            resource, in.method);
            }
        }
        for (String q : query.keySet()) {
            if (!q.startsWith("x-obs-") && !q.startsWith("response-")) {
                return error(501, "NotImplemented", "The stand-in does not implement the sub-resource '" + q
                        + "' (single PUT, GET, HEAD and DELETE of objects only)", resource, in.method);
            }
        }
        switch (in.method) {
            case "PUT": {
                if (in.headers.containsKey("x-obs-copy-source") || in.headers.containsKey("x-amz-copy-source")) {
                    return error(501, "NotImplemented", "The stand-in does not implement copy", resource, in.method);
                }
                String md5 = in.header("content-md5");
                if (md5 != null) {
                    byte[] declared;
                    try {
                        declared = Base64.getDecoder().decode(md5.trim());
                    } catch (IllegalArgumentException e) {
                        declared = null;
                    }
                    if (declared == null || declared.length != 16) {
                        return error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.", resource,
                                in.method);
                    }
                    if (!md5.trim().equals(in.bodyMd5Base64)) {
                        return error(400, "BadDigest",
                                "The Content-MD5 you specified did not match what we received.", resource, in.method);
                    }
                }
                Path tmp = in.bodyFile;
                if (tmp == null) {
                    tmp = Files.createTempFile(dir, "put-", ".tmp");
                    Files.write(tmp, in.body == null ? new byte[0] : in.body);
                }
                StoredObject o = store(bucket, key, tmp, in.header("content-type"));
                Reply r = new Reply(200);
                r.header("ETag", o.etag());
                return r;
            }
            case "HEAD":
            case "GET": {
                StoredObject o = get(bucket, key);
                if (o == null) {
                    Reply r = error(404, "NoSuchKey", "The specified key does not exist.", resource, in.method);
                    if (in.method.equals("HEAD")) {
                        r.body = null;
                        r.headLength = 0;
                    }
                    return r;
                }
                Reply r = new Reply(200);
                r.header("ETag", o.etag()).header("Content-Type", o.contentType())
                        .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                o.lastModified().atOffset(ZoneOffset.UTC)))
                        .header("Accept-Ranges", "bytes");
                if (in.method.equals("HEAD")) {
                    r.headLength = o.size();
                } else {
                    r.file = o.file();
                }
                return r;
            }
            case "DELETE": {
                Map<String, StoredObject> b = buckets.get(bucket);
                StoredObject o = b == null ? null : b.remove(key);
                if (o != null) {
                    Files.deleteIfExists(o.file());
                }
                return new Reply(204);
            }
            default:
                return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                        resource, in.method);
        }
    }

    private Reply list(String bucket, Map<String, java.util.List<String>> query) {
        String prefix = query.containsKey("prefix") ? query.get("prefix").get(0) : "";
        int max = 1000;
        try {
            if (query.containsKey("max-keys")) {
                max = Integer.parseInt(query.get("max-keys").get(0));
            }
        } catch (NumberFormatException e) {
            return error(400, "InvalidArgument", "max-keys is not a number", "/" + bucket, "GET");
        }
        StringBuilder sb = new StringBuilder("<ListBucketResult xmlns=\"http://obs.myhwclouds.com/doc/2015-06-30/\">")
                .append("<Name>").append(esc(bucket)).append("</Name><Prefix>").append(esc(prefix))
                .append("</Prefix><Marker></Marker><MaxKeys>").append(max).append("</MaxKeys>");
        Map<String, StoredObject> sorted = new TreeMap<>(buckets.getOrDefault(bucket, Map.of()));
        int n = 0;
        boolean truncated = false;
        for (StoredObject o : sorted.values()) {
            if (!o.key().startsWith(prefix)) {
                continue;
            }
            if (n++ >= max) {
                truncated = true;
                break;
            }
            sb.append("<Contents><Key>").append(esc(o.key())).append("</Key><LastModified>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(o.lastModified())).append("</LastModified><ETag>")
                    .append(esc(o.etag())).append("</ETag><Size>").append(o.size())
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        sb.append("<IsTruncated>").append(truncated).append("</IsTruncated></ListBucketResult>");
        return xml(200, sb.toString());
    }

    private static Reply xml(int status, String xml) {
        return Http.Reply.text(status, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
    }

    static Reply error(int status, String code, String message, String resource, String method) {
        if (method.equals("HEAD")) {
            Reply r = new Reply(status);
            r.errorCode = code;
            r.headLength = 0;
            r.header("x-obs-error-code", code).header("x-obs-error-message", message.replaceAll("[^\\x20-\\x7e]", "?"));
            return r;
        }
        Reply r = xml(status, "<Error><Code>" + code + "</Code><Message>" + esc(message) + "</Message><RequestId>"
                + Http.requestId().replace("-", "").substring(0, 24).toUpperCase() + "</RequestId><HostId>standin"
                + "</HostId><Resource>" + esc(resource) + "</Resource></Error>");
        r.errorCode = code;
        return r;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Percent-decoding of a path segment ('+' stays '+'). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out[n++] = (byte) (hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            }
            if (n + b.length > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2 + b.length);
            }
            System.arraycopy(b, 0, out, n, b.length);
            n += b.length;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
