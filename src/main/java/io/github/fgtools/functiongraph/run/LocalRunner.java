package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.RunConfig;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a Java handler on this machine as FunctionGraph would: in a class loader of its own, with the event bound to
 * its first parameter and a FunctionGraph-like context as its second. Knows nothing of Maven.
 *
 * <ul>
 * <li>{@link #run(RunConfig)}: one invocation with {@code payload}/{@code payloadFile}; the result is reported and
 * written to {@code run-result.json} ({@code {"result": ..., "durationMs": ...}}).</li>
 * <li>{@link #serve(RunConfig)}: serves the handler on {@code http://127.0.0.1:<runPort>/} until the process is
 * stopped (Ctrl+C, or a SIGTERM: a shutdown hook stops the server cleanly).</li>
 * </ul>
 * Failures are {@link FunctionGraphException}s; a handler that throws or runs past {@code timeout} is an
 * {@link InvocationException} whose message shows the user's own stack frames.
 */
public final class LocalRunner {
    private final Reporter reporter;

    public LocalRunner(Reporter reporter) {
        this.reporter = reporter;
    }

    /** One invocation with the configured event. */
    public RunResult run(RunConfig config) throws FunctionGraphException {
        deleteStaleResult(config);
        byte[] event = readEvent(config);
        try (LocalFunction function = LocalFunction.load(config, reporter)) {
            reporter.info("Running " + function.describe() + " locally (" + config.runtime() + ", "
                    + config.memorySize() + " MB, timeout " + config.timeoutSeconds() + " s) with the event from "
                    + config.eventSource());
            RunResult result = function.invoke(event, config.eventSource());
            reporter.info("Result (" + result.durationMs() + " ms, request " + result.requestId() + "):");
            reporter.info(result.text());
            writeResult(config, result);
            reporter.info("Wrote " + config.resultFile());
            return result;
        }
    }

    /**
     * Starts serving on {@code runPort} and returns at once; {@link RunServer#stop()} ends it. For embedding and
     * tests; {@link #serve(RunConfig)} is what the goal calls.
     */
    public RunServer start(RunConfig config) throws FunctionGraphException {
        if (config.runPort() == null) {
            throw new FunctionGraphException(Setting.RUN_PORT + " is not set", true, null);
        }
        deleteStaleResult(config);
        LocalFunction function = LocalFunction.load(config, reporter);
        RunServer server;
        try {
            server = RunServer.start(function, config.runPort(), reporter, result -> {
                try {
                    writeResult(config, result);
                } catch (FunctionGraphException e) {
                    reporter.warn(e.getMessage());
                }
            });
        } catch (BindException e) {
            function.close();
            throw new FunctionGraphException(Setting.RUN_PORT + " = " + config.runPort()
                    + ": cannot listen on 127.0.0.1:" + config.runPort() + " (" + e.getMessage()
                    + "); choose a free port, or 0 for any free port", true, e);
        } catch (IOException | RuntimeException e) {
            function.close();
            throw new FunctionGraphException("Cannot serve on 127.0.0.1:" + config.runPort() + ": " + e, false, e);
        }
        reporter.info("Serving " + function.describe() + " (" + config.runtime() + ", " + config.memorySize()
                + " MB, timeout " + config.timeoutSeconds() + " s) on " + server.url());
        reporter.info("POST an event to it, e.g. curl -d '{}' " + server.url() + " ; stop with Ctrl+C");
        return server;
    }

    /** Serves until the process is stopped: a shutdown hook stops the server, and this returns only then. */
    public void serve(RunConfig config) throws FunctionGraphException {
        RunServer server = start(config);
        Thread hook = new Thread(() -> {
            server.stop();
            reporter.info("Stopped serving " + config.handler());
        }, "functiongraph-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitStop();
            hook.join(TimeUnit.SECONDS.toMillis(5)); // let the hook say so before the build's summary
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    private static byte[] readEvent(RunConfig config) throws FunctionGraphException {
        if (config.payloadFile() == null) {
            return config.payload().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(config.payloadFile());
        } catch (NoSuchFileException e) {
            throw new FunctionGraphException(Setting.PAYLOAD_FILE + " = '" + config.payloadFile()
                    + "': no such file", true, e);
        } catch (IOException e) {
            throw new FunctionGraphException("Cannot read " + Setting.PAYLOAD_FILE + " "
                    + config.payloadFile() + ": " + e, false, e);
        }
    }

    private static void deleteStaleResult(RunConfig config) throws FunctionGraphException {
        try {
            Files.deleteIfExists(config.resultFile());
        } catch (IOException e) {
            throw new FunctionGraphException("Cannot delete the previous " + config.resultFile() + ": " + e, false,
                    e);
        }
    }

    /** {@code {"result": ..., "durationMs": ...}}. */
    static void writeResult(RunConfig config, RunResult result) throws FunctionGraphException {
        ObjectMapper mapper = Json.MAPPER;
        Path file = config.resultFile();
        try {
            ObjectNode root = mapper.createObjectNode();
            root.set("result", mapper.readTree(result.json()));
            root.put("durationMs", result.durationMs());
            Files.createDirectories(file.getParent());
            Files.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new FunctionGraphException("Cannot write " + file + ": " + e, false, e);
        }
    }
}
