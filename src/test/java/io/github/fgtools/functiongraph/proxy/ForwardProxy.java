package io.github.fgtools.functiongraph.proxy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP forward proxy on loopback for tests: takes absolute-form requests ({@code GET http://host:port/path}),
 * demands {@code Proxy-Authorization: Basic} when credentials are set (407 otherwise), forwards to the target and
 * relays the answer, one request per connection. Records each forwarded request line, and writes them to a file
 * when given one (for the hook scripts of the src/it builds).
 */
public final class ForwardProxy implements Closeable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final Path journal;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forward-proxy");
        t.setDaemon(true);
        return t;
    });

    private ForwardProxy(String user, String password, Path journal) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.journal = journal;
        pool.execute(this::acceptLoop);
    }

    public static ForwardProxy start(String user, String password) throws IOException {
        return new ForwardProxy(user, password, null);
    }

    /** For hook scripts: forwarded request lines are appended to {@code journalFile}, one per line. */
    public static ForwardProxy start(String user, String password, File journalFile) throws IOException {
        return new ForwardProxy(user, password, journalFile.toPath());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code METHOD absolute-uri} of each request forwarded, in order. */
    public List<String> forwarded() {
        return new ArrayList<>(forwarded);
    }

    /** Requests answered 407 (no or wrong credentials). */
    public List<String> refused() {
        return new ArrayList<>(refused);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (Socket c = client) {
            InputStream in = c.getInputStream();
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> rawHeaders = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                rawHeaders.add(line);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            long length = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : 0;
            byte[] body = readN(in, length);
            String[] parts = requestLine.split(" ");
            OutputStream out = new BufferedOutputStream(c.getOutputStream());
            if (expectedAuthorization != null && !expectedAuthorization.equals(headers.get("proxy-authorization"))) {
                refused.add(parts[0] + " " + parts[1]);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"it\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            URI target = URI.create(parts[1]);
            String record = parts[0] + " " + parts[1];
            forwarded.add(record);
            if (journal != null) {
                synchronized (this) {
                    Files.write(journal, (record + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            }
            try (Socket upstream = new Socket(target.getHost(), target.getPort() < 0 ? 80 : target.getPort())) {
                OutputStream up = new BufferedOutputStream(upstream.getOutputStream());
                String path = target.getRawPath() + (target.getRawQuery() != null ? "?" + target.getRawQuery() : "");
                up.write((parts[0] + " " + path + " " + parts[2] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (String h : rawHeaders) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                    if (!name.equals("proxy-authorization") && !name.equals("proxy-connection")
                            && !name.equals("connection")) {
                        up.write((h + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                up.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                // relay the whole answer (the upstream closes after it), then close the client too
                InputStream down = upstream.getInputStream();
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = down.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client or the target went away: nothing to answer
        }
    }

    private static byte[] readN(InputStream in, long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            left -= r;
        }
        return out.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
