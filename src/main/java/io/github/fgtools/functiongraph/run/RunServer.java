package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.codehaus.plexus.util.IOUtil;

/**
 * Serves the handler on loopback: each POST body is one event, the response its result ({@code text/plain} for a
 * {@code String}, else {@code application/json}); 400 when the event does not fit, 500 with a JSON error when the
 * handler throws or times out; one log line per request. Requests are handled one at a time, as one FunctionGraph
 * instance does. Made by {@link LocalRunner#start(RunConfig)}.
 */
public final class RunServer {
    private final HttpServer server;
    private final LocalFunction function;
    private final ExecutorService executor;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunServer(HttpServer server, ExecutorService executor, LocalFunction function) {
        this.server = server;
        this.function = function;
        this.executor = executor;
    }

    /** Starts serving {@code function} on 127.0.0.1:{@code port} (0: any free port). */
    static RunServer start(LocalFunction function, int port, Reporter reporter, Consumer<RunResult> onResult)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "functiongraph-run-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, function, reporter, onResult));
        server.start();
        return new RunServer(server, executor, function);
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/";
    }

    /** Stops serving (requests in progress get a second to finish) and closes the handler's class loader. */
    public synchronized void stop() {
        if (stopped.getCount() > 0) {
            server.stop(1);
            executor.shutdownNow();
            function.close();
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStop(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    private static void handle(HttpExchange exchange, LocalFunction function, Reporter reporter,
            Consumer<RunResult> onResult) throws IOException {
        long start = System.nanoTime();
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "text/plain; charset=utf-8", "POST the event to invoke the handler\n");
                reporter.info(request + " -> 405 (POST the event)");
                return;
            }
            byte[] event = IOUtil.toByteArray(exchange.getRequestBody());
            try {
                RunResult result = function.invoke(event, "the POST body, " + event.length + " bytes");
                send(exchange, 200, result.isPlainText() ? "text/plain; charset=utf-8" : "application/json",
                        result.text());
                reporter.info(request + " -> 200 in " + millis(start) + " ms (request " + result.requestId()
                        + ", handler " + result.durationMs() + " ms)");
                onResult.accept(result);
            } catch (InvocationException e) {
                send(exchange, e.kind().httpStatus(), "application/json",
                        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(e.errorBody()));
                reporter.info(request + " -> " + e.kind().httpStatus() + " in " + millis(start) + " ms: "
                        + e.getMessage().split("\\R", 2)[0]);
            } catch (FunctionGraphException e) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("errorMessage", e.getMessage());
                send(exchange, 500, "application/json", Json.MAPPER.writeValueAsString(body));
                reporter.info(request + " -> 500 in " + millis(start) + " ms: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            reporter.warn(request + " failed: " + e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
