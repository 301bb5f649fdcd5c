package io.github.fgtools.functiongraph.standin;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on plain sockets. Unlike com.sun.net.httpserver it sends response header names
 * exactly as given (the Huawei Cloud SDK looks response headers such as {@code X-Cff-Request-Id} up
 * case-sensitively, and real services send them in that case), and it can close a connection without any
 * response. Persistent connections, {@code Content-Length} and chunked request bodies,
 * {@code Expect: 100-continue}; all threads are daemon threads.
 */
final class RawHttpServer implements Closeable {

    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int IDLE_TIMEOUT_MS = 120_000;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Continue"),
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    /** {@code -Dstandin.debug}: log request lines and connection ends to stderr. */
    static final boolean DEBUG = Boolean.getBoolean("standin.debug");
    private final ServerSocket serverSocket;
    private final ExecutorService executor;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RawHttpServer(int port, Handler handler) throws IOException {
        this.handler = handler;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "standin-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::acceptLoop, "standin-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                open.add(s);
                executor.execute(() -> serve(s));
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            while (!closed) {
                String requestLine = readLine(in);
                while (requestLine != null && requestLine.isEmpty()) {
                    requestLine = readLine(in);
                }
                if (requestLine == null) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    writeSimple(out, 400, "malformed request line");
                    return;
                }
                List<String[]> headers = new ArrayList<>();
                for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
                    int colon = line.indexOf(':');
                    if (colon <= 0 || headers.size() > MAX_HEADERS) {
                        writeSimple(out, 400, "malformed header");
                        return;
                    }
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
                Exchange ex = new Exchange(socket, in, out, parts[0], parts[1], parts[2], headers);
                debug(socket, requestLine);
                if ("100-continue".equalsIgnoreCase(ex.header("Expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                try {
                    handler.handle(ex);
                } catch (Exception e) {
                    if (!ex.responded && !ex.dropped) {
                        ex.respond(500, new java.util.LinkedHashMap<>(Map.of("Content-Type", "text/plain")),
                                ("stand-in failure: " + e).getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (ex.dropped) {
                    return;
                }
                if (!ex.responded) {
                    writeSimple(out, 500, "no response");
                    return;
                }
                try {
                    ex.body().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    return;
                }
                if (!ex.keepAlive()) {
                    return;
                }
            }
        } catch (IOException e) {
            debug(socket, "connection ended: " + e);
        } finally {
            debug(socket, "closed");
            open.remove(socket);
        }
    }

    private static void debug(Socket socket, String what) {
        if (DEBUG) {
            System.err.println("[standin :" + socket.getPort() + "] " + what);
        }
    }

    private static void writeSimple(OutputStream out, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Error") + "\r\nContent-Type: text/plain"
                + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** A line without its CRLF; null at end of stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
            if (b.size() > MAX_LINE) {
                throw new IOException("line too long");
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // ignore
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request and its response. */
    static final class Exchange {
        final String method;
        final String target;
        final String rawPath;
        final String rawQuery;
        final String version;
        /** Header name (as received) and value, in order. */
        final List<String[]> headers;
        private final Socket socket;
        private final OutputStream out;
        private final InputStream body;
        boolean responded;
        boolean dropped;

        Exchange(Socket socket, InputStream in, OutputStream out, String method, String target, String version,
                List<String[]> headers) throws IOException {
            this.socket = socket;
            this.out = out;
            this.method = method.toUpperCase(Locale.ROOT);
            this.target = target;
            this.version = version;
            this.headers = headers;
            String t = target;
            if (t.startsWith("http://") || t.startsWith("https://")) {
                int slash = t.indexOf('/', t.indexOf("//") + 2);
                t = slash < 0 ? "/" : t.substring(slash);
            }
            int q = t.indexOf('?');
            this.rawPath = q < 0 ? t : t.substring(0, q);
            this.rawQuery = q < 0 ? null : t.substring(q + 1);
            String te = header("Transfer-Encoding");
            String cl = header("Content-Length");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                this.body = new ChunkedInputStream(in);
            } else if (cl != null) {
                long n;
                try {
                    n = Long.parseLong(cl.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length " + cl);
                }
                this.body = new BoundedInputStream(in, n);
            } else {
                this.body = new BoundedInputStream(in, 0);
            }
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        InputStream body() {
            return body;
        }

        boolean keepAlive() {
            String c = header("Connection");
            boolean close = c != null && c.toLowerCase(Locale.ROOT).contains("close");
            return !close && version.equals("HTTP/1.1");
        }

        /** Closes the connection without sending anything. */
        void drop() {
            dropped = true;
            try {
                socket.close();
            } catch (IOException e) {
                // ignore
            }
        }

        void respond(int status, Map<String, String> headers, byte[] body) throws IOException {
            writeHead(status, headers, body == null ? 0 : body.length, false);
            if (body != null && !method.equals("HEAD") && bodyAllowed(status)) {
                out.write(body);
            }
            out.flush();
        }

        void respondFile(int status, Map<String, String> headers, Path file) throws IOException {
            long size = Files.size(file);
            writeHead(status, headers, size, false);
            if (!method.equals("HEAD")) {
                Files.copy(file, out);
            }
            out.flush();
        }

        /** HEAD answer announcing {@code contentLength} (or none when negative). */
        void respondHead(int status, Map<String, String> headers, long contentLength) throws IOException {
            writeHead(status, headers, contentLength, true);
            out.flush();
        }

        private static boolean bodyAllowed(int status) {
            return status >= 200 && status != 204 && status != 304;
        }

        private void writeHead(int status, Map<String, String> headers, long length, boolean head)
                throws IOException {
            responded = true;
            StringBuilder sb = new StringBuilder(256);
            sb.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status"))
                    .append("\r\n");
            boolean hasDate = false;
            for (Map.Entry<String, String> e : headers.entrySet()) {
                String k = e.getKey();
                if (k.equalsIgnoreCase("Content-Length") || k.equalsIgnoreCase("Connection")
                        || k.equalsIgnoreCase("Transfer-Encoding")) {
                    continue;
                }
                hasDate |= k.equalsIgnoreCase("Date");
                sb.append(k).append(": ").append(e.getValue().replace("\r", " ").replace("\n", " ")).append("\r\n");
            }
            if (!hasDate) {
                sb.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
            }
            if (bodyAllowed(status) && (!head || length >= 0)) {
                sb.append("Content-Length: ").append(Math.max(length, 0)).append("\r\n");
            }
            sb.append("Connection: ").append(keepAlive() ? "keep-alive" : "close").append("\r\n\r\n");
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** At most {@code n} bytes of the underlying stream. */
    static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long n) {
            this.in = in;
            this.remaining = n;
        }

        long remaining() {
            return remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new EOFException("request body ended early");
            }
            remaining--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("request body ended early");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // the connection stays open
        }
    }

    /** Transfer-Encoding: chunked. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        boolean done() {
            return done;
        }

        private boolean ensure() throws IOException {
            if (done) {
                return false;
            }
            if (chunkLeft > 0) {
                return true;
            }
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("chunked body ended early");
            }
            if (line.isEmpty()) {
                line = readLine(in);
                if (line == null) {
                    throw new EOFException("chunked body ended early");
                }
            }
            int semi = line.indexOf(';');
            long size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
            if (size == 0) {
                for (String t; (t = readLine(in)) != null && !t.isEmpty(); ) {
                    // trailers ignored
                }
                done = true;
                return false;
            }
            chunkLeft = size;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!ensure()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("chunked body ended early");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                String crlf = readLine(in);
                if (crlf == null || !crlf.isEmpty()) {
                    throw new IOException("malformed chunk end");
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the connection stays open
        }
    }
}
