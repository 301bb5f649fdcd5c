package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of an execution: signs each request, sends it with timeouts, retries what is safe to retry
 * (429, 5xx, dropped or refused connections; {@code Retry-After} honoured; a call that may have landed is first
 * checked), and turns failures into messages that name the endpoint, the parameter that sets it, status,
 * {@code error_code}, {@code error_msg}, method, path and request id.
 */
public final class HttpTransport implements Closeable {
    private static final int MAX_RESPONSE = 16 * 1024 * 1024;
    private static final long PROGRESS_THRESHOLD = 5L * 1024 * 1024;
    private static final long MAX_BACKOFF_MILLIS = 20_000;
    private static final long MAX_RETRY_AFTER_MILLIS = 60_000;
    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Asked, before re-sending a call that is not idempotent, whether the first attempt landed after all. */
    public interface OutcomeCheck {
        /** The response to use when the call had landed, or null to send it again. */
        ApiResponse ifLanded() throws FunctionGraphException;
    }

    /** How long to wait between attempts; replaceable in tests. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final CloseableHttpClient http;
    private final Credentials credentials;
    private final int retries;
    private final int readTimeoutSeconds;
    private final int connectTimeoutSeconds;
    private final Reporter reporter;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long backoffBaseMillis;

    public HttpTransport(Credentials credentials, int retries, int connectTimeoutSeconds, int readTimeoutSeconds,
            ProxySettings.Chooser proxies, Reporter reporter) {
        this(credentials, retries, connectTimeoutSeconds, readTimeoutSeconds, proxies, reporter, Clock.systemUTC(),
                Thread::sleep, 1000);
    }

    public HttpTransport(Credentials credentials, int retries, int connectTimeoutSeconds, int readTimeoutSeconds,
            ProxySettings.Chooser proxies, Reporter reporter, Clock clock, Sleeper sleeper, long backoffBaseMillis) {
        this.credentials = credentials;
        this.retries = retries;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.reporter = reporter == null ? Reporter.NONE : reporter;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoffBaseMillis = backoffBaseMillis;
        this.http = build(connectTimeoutSeconds, readTimeoutSeconds, proxies);
    }

    private static CloseableHttpClient build(int connectTimeoutSeconds, int readTimeoutSeconds,
            ProxySettings.Chooser proxies) {
        PoolingHttpClientConnectionManager cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(connectTimeoutSeconds))
                        .setSocketTimeout(Timeout.ofSeconds(readTimeoutSeconds))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(readTimeoutSeconds))
                        .build())
                .build();
        HttpClientBuilder b = HttpClients.custom()
                .setConnectionManager(cm)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("functiongraph-maven-plugin")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(readTimeoutSeconds))
                        .setConnectionRequestTimeout(Timeout.ofSeconds(connectTimeoutSeconds))
                        .build());
        if (proxies != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            b.setDefaultCredentialsProvider(credentials);
            b.setRoutePlanner(new DefaultRoutePlanner(null) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    ProxySettings proxy = proxies.proxyFor(target.getSchemeName(), target.getHostName(),
                            target.getPort());
                    if (proxy == null) {
                        return null;
                    }
                    if (proxy.username() != null) {
                        char[] password = proxy.password() == null ? new char[0] : proxy.password().toCharArray();
                        credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                                new UsernamePasswordCredentials(proxy.username(), password));
                    }
                    return new HttpHost(proxy.protocol(), proxy.host(), proxy.port());
                }
            });
        }
        return b.build();
    }

    /** Sends the request and returns a 2xx response; anything else becomes an exception. */
    public ApiResponse call(ApiRequest request) throws FunctionGraphException {
        return call(request, null);
    }

    public ApiResponse call(ApiRequest request, OutcomeCheck check) throws FunctionGraphException {
        ApiResponse response = send(request, check);
        if (!response.isSuccess()) {
            throw toException(request, response);
        }
        return response;
    }

    /** Sends with retries and returns whatever status came last. */
    public ApiResponse send(ApiRequest request, OutcomeCheck check) throws FunctionGraphException {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                Instant now = clock.instant();
                ApiResponse response = sendOnce(request, now);
                if (!isRetryable(response.status) || attempt > retries) {
                    return response;
                }
                String cause = response.status + " " + shortError(response);
                boolean surelyRejected = response.status == 429 || response.status == 503;
                if (!request.idempotent && !surelyRejected && check != null) {
                    ApiResponse landed = check.ifLanded();
                    if (landed != null) {
                        reporter.debug(request.describe() + " answered " + cause + " but had landed");
                        return landed;
                    }
                } else if (!request.idempotent && !surelyRejected) {
                    return response;
                }
                waitBeforeRetry(request, attempt, cause, retryAfterMillis(response));
            } catch (SocketTimeoutException e) {
                if (e instanceof ConnectTimeoutException || isConnectFailure(e)) {
                    if (attempt > retries) {
                        throw unreachable(request, "no connection within " + connectTimeoutSeconds
                                + " s (" + Setting.CONNECT_TIMEOUT + ")", e);
                    }
                    waitBeforeRetry(request, attempt, "connect timed out", 0);
                    continue;
                }
                throw new FunctionGraphException(request.service.displayName + " at " + origin(request)
                        + " did not answer " + request.describe() + " within " + readTimeoutSeconds
                        + " s. Raise " + Setting.READ_TIMEOUT + " if the service is slow, or check "
                        + request.service.endpoint + "." + (request.idempotent ? "" : " The request may have been applied."), false, e);
            } catch (UnknownHostException | SSLException e) {
                throw unreachable(request, e instanceof UnknownHostException ? "unknown host " + e.getMessage()
                        : "TLS failure: " + e.getMessage(), e);
            } catch (ConnectException | NoRouteToHostException e) {
                // nothing was sent: safe to retry any call
                if (attempt > retries) {
                    throw unreachable(request, describeIo(e), e);
                }
                waitBeforeRetry(request, attempt, describeIo(e), 0);
            } catch (NoHttpResponseException | ConnectionClosedException | SocketException e) {
                // the connection dropped: the request may have arrived
                if (!request.idempotent) {
                    ApiResponse landed = check == null ? null : check.ifLanded();
                    if (landed != null) {
                        reporter.debug(request.describe() + ": connection dropped, but the call had landed");
                        return landed;
                    }
                    if (check == null) {
                        throw new FunctionGraphException("The connection to " + origin(request) + " dropped during "
                                + request.describe() + "; it may or may not have been applied: " + describeIo(e),
                                false, e);
                    }
                }
                if (attempt > retries) {
                    throw new FunctionGraphException("The connection to " + request.service.displayName + " at "
                            + origin(request) + " dropped during " + request.describe() + " (" + describeIo(e)
                            + "), " + attempt + " attempts. Raise " + Setting.RETRIES + " on a flaky "
                            + "network, or check the proxy.", false, e);
                }
                waitBeforeRetry(request, attempt, "connection dropped: " + describeIo(e), 0);
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new FunctionGraphException("Interrupted during " + request.describe(), false, e);
            } catch (IOException e) {
                throw new FunctionGraphException(request.service.displayName + " " + request.describe() + " failed: "
                        + describeIo(e), false, e);
            }
        }
    }

    private static boolean isConnectFailure(SocketTimeoutException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("connect");
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private FunctionGraphException unreachable(ApiRequest request, String why, Exception cause) {
                return new FunctionGraphException("Cannot reach " + request.service.displayName + " at " + origin(request)
                + " (" + why + ") for " + request.describe() + ". Check " + request.service.endpoint
                + ", the network and any proxy.", false, cause);
    }

    private static String origin(ApiRequest request) {
        return request.uri.getScheme() + "://" + request.uri.getRawAuthority();
    }

    private static String describeIo(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private void waitBeforeRetry(ApiRequest request, int attempt, String cause, long retryAfterMillis)
            throws FunctionGraphException {
        long backoff = Math.min(MAX_BACKOFF_MILLIS, backoffBaseMillis << Math.min(attempt - 1, 10));
        long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        long wait = retryAfterMillis > 0 ? Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS) : jittered;
        reporter.warn(String.format(Locale.ROOT, "%s %s: %s; retry %d of %d in %.1f s", request.service.displayName,
                request.describe(), cause, attempt, retries, wait / 1000.0));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionGraphException("Interrupted while waiting to retry " + request.describe(), false, e);
        }
    }

    private long retryAfterMillis(ApiResponse response) {
        String v = response.header("Retry-After");
        if (v == null || v.trim().isEmpty()) {
            return 0;
        }
        v = v.trim();
        try {
            return Math.max(0, Long.parseLong(v) * 1000);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - clock.millis());
            } catch (DateTimeParseException e2) {
                return 0;
            }
        }
    }

    private ApiResponse sendOnce(ApiRequest request, Instant now) throws IOException, FunctionGraphException {
        Map<String, String> headers = new LinkedHashMap<>(request.headers);
        if (request.body != null) {
            headers.put("Content-Type", request.body.contentType());
        }
        headers.putAll(authenticate(request, headers, now));
        HttpUriRequestBase http = new HttpUriRequestBase(request.method, request.uri);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            http.setHeader(h.getKey(), h.getValue());
        }
        if (request.body != null) {
            http.setEntity(new StreamingEntity(request.body, request, reporter));
        }
        long start = System.nanoTime();
        ApiResponse response = this.http.execute(http, r -> {
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (Header h : r.getHeaders()) {
                responseHeaders.put(h.getName(), h.getValue());
            }
            return new ApiResponse(r.getCode(), responseHeaders, read(r.getEntity()));
        });
        reporter.debug(String.format(Locale.ROOT, "%s %s -> %d (%d ms%s)", request.method, request.uri,
                response.status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                response.requestId() == null ? "" : ", request id " + response.requestId()));
        return response;
    }

    private Map<String, String> authenticate(ApiRequest request, Map<String, String> headers, Instant now)
            throws IOException, FunctionGraphException {
        Map<String, String> added = new LinkedHashMap<>();
        if (credentials == null) {
            return added;
        }
        if (request.service == ApiRequest.Service.OBS) {
            if (credentials.isToken()) {
                throw new FunctionGraphException("An OBS upload needs an access key pair (AK/SK); an IAM token "
                        + "(HUAWEICLOUD_AUTH_TOKEN) cannot sign OBS requests. Use AK/SK, or deploy inline without "
                        + Setting.OBS_BUCKET + ".");
            }
            added.putAll(ObsSigner.sign(request.method, request.obsBucket, request.obsKey, headers, credentials, now));
            return added;
        }
        if (credentials.isToken()) {
            added.put("X-Auth-Token", credentials.authToken());
            return added;
        }
        String sha = request.body == null ? Digests.EMPTY_SHA256 : request.body.sha256Hex();
        added.putAll(AkSkSigner.sign(request.method, request.uri, headers, sha, credentials, now));
        return added;
    }

    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_RESPONSE) {
                    throw new IOException("response larger than " + MAX_RESPONSE + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Turns an error response into the message users see. */
    public ApiException toException(ApiRequest request, ApiResponse response) {
        String code = null;
        String msg = null;
        String text = response.bodyText().trim();
        if (text.startsWith("{")) {
            try {
                JsonNode node = Json.MAPPER.readTree(text);
                code = textOf(node, "error_code", "errorCode", "code");
                msg = textOf(node, "error_msg", "errorMsg", "message", "msg");
                if (code == null && node.has("error") && node.get("error").isObject()) {
                    code = textOf(node.get("error"), "code");
                    msg = textOf(node.get("error"), "message");
                }
            } catch (IOException e) {
                msg = "malformed JSON error body: " + abbreviate(text);
            }
        } else if (text.startsWith("<?xml") || text.startsWith("<Error")) {
            code = xml(text, "Code");
            msg = xml(text, "Message");
        }
        if (msg == null) {
            String ct = response.header("Content-Type");
            msg = text.isEmpty() ? "(empty body)" : "unexpected " + (ct == null ? "" : ct + " ") + "response: "
                    + abbreviate(text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim());
            if (ct != null && ct.contains("html")) {
                msg += " (an HTML page: a proxy or gateway answered, not " + request.service.displayName + ")";
            }
        }
        return new ApiException(request.service, response.status, code, msg, request.describe(),
                response.requestId(), Hints.forStatus(request, response.status, code, msg, credentials,
                        SDK_DATE.format(clock.instant())));
    }

    private static String textOf(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull()) {
                return v.isTextual() ? v.asText() : v.toString();
            }
        }
        return null;
    }

    private static String xml(String text, String element) {
        int a = text.indexOf("<" + element + ">");
        int b = text.indexOf("</" + element + ">");
        return a >= 0 && b > a ? text.substring(a + element.length() + 2, b) : null;
    }

    private static String shortError(ApiResponse response) {
        String t = response.bodyText();
        return abbreviate(t.replaceAll("\\s+", " "));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Streams a {@link RequestBody}, reporting progress for large uploads in whole lines. */
    private static final class StreamingEntity extends AbstractHttpEntity {
        private final RequestBody body;
        private final ApiRequest request;
        private final Reporter reporter;

        StreamingEntity(RequestBody body, ApiRequest request, Reporter reporter) {
            super(ContentType.parse(body.contentType()), null);
            this.body = body;
            this.request = request;
            this.reporter = reporter;
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("streamed with writeTo");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long total = body.length();
            if (total < PROGRESS_THRESHOLD) {
                body.writeTo(out);
                return;
            }
            body.writeTo(new ProgressStream(out, total, request, reporter));
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    /** Counts bytes and reports each further 10% as one line: "Uploading 40% (24.0 of 60.0 MB, 85.3 MB/s)". */
    private static final class ProgressStream extends FilterOutputStream {
        private final long total;
        private final ApiRequest request;
        private final Reporter reporter;
        private final long start = System.nanoTime();
        private long written;
        private int lastDecile;

        ProgressStream(OutputStream out, long total, ApiRequest request, Reporter reporter) {
            super(out);
            this.total = total;
            this.request = request;
            this.reporter = reporter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count(len);
        }

        private void count(long n) {
            written += n;
            int decile = (int) (written * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                double mb = written / 1048576.0;
                reporter.info(String.format(Locale.ROOT, "Uploading to %s: %3d%% (%.1f of %.1f MB, %.1f MB/s)",
                        request.service.displayName, decile * 10, mb, total / 1048576.0, mb / seconds));
            }
        }
    }
}
