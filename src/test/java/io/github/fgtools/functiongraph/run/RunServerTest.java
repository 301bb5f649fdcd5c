package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.config.RunConfig;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RunServerTest {
    @TempDir
    Path tmp;

    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunConfig config(int port) throws Exception {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Echo", """
                package com.example;
                import java.util.*;
                public class Echo {
                    private int calls;
                    public Map<String, Object> handle(Map<String, Object> event) {
                        if (event.containsKey("fail")) { throw new IllegalArgumentException("asked to fail"); }
                        Map<String, Object> out = new LinkedHashMap<>(event);
                        out.put("call", ++calls);
                        return out;
                    }
                }
                """));
        return RunConfig.builder().handler("com.example.Echo.handle").runtime("Java8").functionName("echo")
                .runPort(port).classesDirectory(classes).outputDirectory(tmp.resolve("out")).build();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachPostIsOneEventOnOneInstanceAndErrorsAre500WithTheUsersFrames() throws Exception {
        RunServer server = new LocalRunner(listener).start(config(0));
        try {
            assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/");
            ObjectMapper json = new ObjectMapper();

            HttpResponse<String> first = post(server.url(), "{\"n\":1}");
            HttpResponse<String> second = post(server.url(), "{\"n\":2}");
            HttpResponse<String> failed = post(server.url(), "{\"fail\":true}");
            HttpResponse<String> notJson = post(server.url(), "nope");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json.readTree(first.body())).isEqualTo(json.readTree("{\"n\":1,\"call\":1}"));
            assertThat(json.readTree(second.body())).isEqualTo(json.readTree("{\"n\":2,\"call\":2}"));
            assertThat(json.readTree(tmp.resolve("out/run-result.json").toFile()).get("result"))
                    .isEqualTo(json.readTree("{\"n\":2,\"call\":2}"));

            assertThat(failed.statusCode()).isEqualTo(500);
            JsonNode error = json.readTree(failed.body());
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(error.get("errorMessage").asText()).isEqualTo("asked to fail");
            assertThat(error.get("stackTrace").size()).isEqualTo(1);
            assertThat(error.get("stackTrace").get(0).asText()).isEqualTo("com.example.Echo.handle(Echo.java:6)");

            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(json.readTree(notJson.body()).get("errorMessage").asText())
                    .startsWith("The event (the POST body, 4 bytes) does not fit the handler's first parameter "
                            + "java.util.Map<java.lang.String, java.lang.Object>: ");
            assertThat(get.statusCode()).isEqualTo(405);

            assertThat(listener.lines).filteredOn(l -> l.startsWith("INFO POST / -> ") || l.startsWith("INFO GET / -> "))
                    .hasSize(5)
                    .satisfiesExactly(
                            l -> assertThat(l).startsWith("INFO POST / -> 200 in "),
                            l -> assertThat(l).startsWith("INFO POST / -> 200 in "),
                            l -> assertThat(l).contains("-> 500 in ").contains("threw java.lang.IllegalArgumentException: asked to fail"),
                            l -> assertThat(l).contains("-> 400 in "),
                            l -> assertThat(l).isEqualTo("INFO GET / -> 405 (POST the event)"));
        } finally {
            server.stop();
        }
        assertThat(server.awaitStop(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> post(server.url(), "{}")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseIsAUserErrorNamingRunPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            FunctionGraphException e = catchThrowableOfType(FunctionGraphException.class,
                    () -> new LocalRunner(listener).start(config(taken.getLocalPort())));
            assertThat(e.isUserError()).isTrue();
            assertThat(Words.render(e.getMessage())).startsWith("<runPort> (functiongraph.runPort) = " + taken.getLocalPort())
                    .contains("or 0 for any free port");
        }
    }
}
