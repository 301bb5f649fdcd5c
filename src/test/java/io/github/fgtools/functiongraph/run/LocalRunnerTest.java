package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.config.RunConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LocalRunnerTest {
    @TempDir
    Path tmp;

    private final RecordingListener listener = new RecordingListener();
    private final ObjectMapper json = new ObjectMapper();

    private RunConfig.Builder config(Path classes, String handler) {
        return RunConfig.builder().handler(handler).runtime("Java11").functionName("orders")
                .classesDirectory(classes).outputDirectory(tmp.resolve("target/functiongraph"));
    }

    private JsonNode resultFile() throws Exception {
        return json.readTree(tmp.resolve("target/functiongraph/run-result.json").toFile());
    }

    @Test
    void stringInStringOutAsIsAndWrittenAsJsonString() throws Exception {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Hello", """
                package com.example;
                public class Hello {
                    public String handle(String event) { return "Hello, " + event; }
                }
                """));

        RunResult result = new LocalRunner(listener).run(config(classes, "com.example.Hello.handle")
                .payload("{\"name\":\"World\"}").build());

        assertThat(result.text()).isEqualTo("Hello, {\"name\":\"World\"}");
        assertThat(listener.lines).contains("INFO Hello, {\"name\":\"World\"}");
        JsonNode file = resultFile();
        assertThat(file.get("result").asText()).isEqualTo("Hello, {\"name\":\"World\"}");
        assertThat(file.get("durationMs").isIntegralNumber()).isTrue();
    }

    @Test
    void pojoBoundWithThePluginsJacksonWhenTheProjectHasNone() throws Exception {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of(
                "com.example.Order", """
                        package com.example;
                        public class Order {
                            private String id; private int quantity;
                            public String getId() { return id; } public void setId(String id) { this.id = id; }
                            public int getQuantity() { return quantity; }
                            public void setQuantity(int q) { this.quantity = q; }
                        }
                        """,
                "com.example.Orders", """
                        package com.example;
                        import java.util.*;
                        public class Orders {
                            public static Map<String, Object> handle(List<Order> orders) {
                                Map<String, Object> out = new LinkedHashMap<>();
                                int total = 0;
                                for (Order o : orders) { total += o.getQuantity(); }
                                out.put("first", orders.get(0).getId());
                                out.put("total", total);
                                return out;
                            }
                        }
                        """));
        Path event = Files.writeString(tmp.resolve("event.json"),
                "[{\"id\":\"a\",\"quantity\":2},{\"id\":\"b\",\"quantity\":3}]");

        RunResult result = new LocalRunner(listener).run(config(classes, "com.example.Orders.handle")
                .payloadFile(event).build());

        assertThat(json.readTree(result.text())).isEqualTo(json.readTree("{\"first\":\"a\",\"total\":5}"));
        assertThat(resultFile().get("result")).isEqualTo(json.readTree("{\"first\":\"a\",\"total\":5}"));
        assertThat(listener.all()).contains("the plugin's Jackson");
    }

    @Test
    void theProjectsOwnJacksonBindsAndItsAnnotationsApply() throws Exception {
        List<Path> jackson = List.of(UserProject.locationOf(ObjectMapper.class),
                UserProject.locationOf(JsonProperty.class), UserProject.locationOf(JsonFactory.class));
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of(
                "com.example.Order", """
                        package com.example;
                        import com.fasterxml.jackson.annotation.JsonProperty;
                        public class Order {
                            @JsonProperty("order_id") public String orderId;
                            @JsonProperty("mapper_is_mine") public boolean mapperIsMine;
                            @JsonProperty("sees_plugin") public boolean seesPlugin;
                        }
                        """,
                "com.example.Orders", """
                        package com.example;
                        public class Orders {
                            public Order handle(Order in) {
                                in.mapperIsMine = com.fasterxml.jackson.databind.ObjectMapper.class.getClassLoader()
                                        == Orders.class.getClassLoader();
                                try {
                                    Class.forName("io.github.fgtools.functiongraph.run.LocalRunner");
                                    in.seesPlugin = true;
                                } catch (ClassNotFoundException e) {
                                    in.seesPlugin = false;
                                }
                                return in;
                            }
                        }
                        """), jackson);
        RunConfig.Builder b = config(classes, "com.example.Orders.handle").payload("{\"order_id\":\"o-1\"}");
        jackson.forEach(b::dependency);

        RunResult result = new LocalRunner(listener).run(b.build());

        assertThat(json.readTree(result.text())).isEqualTo(json.readTree(
                "{\"order_id\":\"o-1\",\"mapper_is_mine\":true,\"sees_plugin\":false}"));
        assertThat(listener.all()).contains("the project's own Jackson");
    }

    @Test
    void bytesAndInputStreamReceiveTheEventRaw() throws Exception {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Raw", """
                package com.example;
                public class Raw {
                    public String bytes(byte[] event) { return event.length + " bytes"; }
                    public String stream(java.io.InputStream in) throws java.io.IOException {
                        int n = 0; while (in.read() >= 0) { n++; } return n + " streamed";
                    }
                }
                """));
        String notJson = "not json \u00e9";

        assertThat(new LocalRunner(listener).run(config(classes, "com.example.Raw.bytes").payload(notJson).build())
                .text()).isEqualTo("11 bytes");
        assertThat(new LocalRunner(listener).run(config(classes, "com.example.Raw.stream").payload(notJson).build())
                .text()).isEqualTo("11 streamed");
    }

    @Test
    void contextAnswersByNameAndLogsToTheListenerWithoutSecrets() throws Exception {
        Path runtimeJar = UserProject.compile(tmp.resolve("runtime"), UserProject.RUNTIME_STANDIN);
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Ctx", """
                package com.example;
                import com.huawei.services.runtime.*;
                public class Ctx {
                    public String handle(String event, Context context) throws Exception {
                        RuntimeLogger log = context.getLogger();
                        log.log("hello from " + context.getFunctionName());
                        log.warn("careful");
                        log.setLevel("ERROR");
                        log.info("filtered out");
                        int before = context.getRemainingTimeInMilliSeconds();
                        Thread.sleep(50);
                        int after = context.getRemainingTimeInMilliSeconds();
                        return String.join("|", context.getRequestID(), context.getFunctionName(),
                                context.getPackage(), context.getVersion(), "" + context.getMemorySize(),
                                "" + context.getRunningTimeInSeconds(), "" + (before <= 30000 && after < before),
                                context.getUserData("COLOR"), "" + "s3cret".equals(context.getUserData("DB_PASSWORD")),
                                String.valueOf(context.getUserData("MISSING")), "" + context.getCPUNumber(),
                                context.getAccessKey(), context.getProjectID(), context.getAlias());
                    }
                }
                """), List.of(runtimeJar));

        RunResult result = new LocalRunner(listener).run(config(classes, "com.example.Ctx.handle")
                .functionPackage("shop").memorySize(512)
                .userData(Map.of("COLOR", "blue")).encryptedUserData(Map.of("DB_PASSWORD", "s3cret"))
                .projectId("p-123").credentials(Credentials.akSk("AKTEST", "SKTEST", null, "test"))
                .dependency(runtimeJar).build());

        String[] parts = result.text().split("\\|", -1);
        assertThat(parts[0]).isEqualTo(result.requestId()).matches("[0-9a-f-]{36}");
        assertThat(parts).containsSequence("orders", "shop", "latest", "512", "30", "true", "blue", "true", "null",
                "0", "AKTEST", "p-123", "");
        assertThat(listener.lines).contains("INFO [handler LOG] hello from orders", "WARN [handler WARN] careful")
                .noneMatch(l -> l.contains("filtered out"))
                .anyMatch(l -> l.startsWith("DEBUG Context methods without a local answer") && l.contains("getCPUNumber"))
                .noneMatch(l -> l.contains("s3cret") || l.contains("SKTEST"));
    }

    @Test
    void aThrowingHandlerFailsWithTheUsersOwnFrames() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Thrower", """
                package com.example;
                public class Thrower {
                    public String handle(String event) {
                        try {
                            return parse(event);
                        } catch (NumberFormatException e) {
                            throw new IllegalStateException("bad order " + event, e);
                        }
                    }
                    private String parse(String event) {
                        return "" + Integer.parseInt(event);
                    }
                }
                """));

        InvocationException e = catchThrowableOfType(InvocationException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Thrower.handle").payload("x1").build()));

        assertThat(e.isUserError()).isTrue();
        assertThat(e.kind()).isEqualTo(InvocationException.Kind.THREW);
        assertThat(Words.render(e.getMessage()))
                .startsWith("The handler com.example.Thrower.handle threw java.lang.IllegalStateException: bad order x1")
                .contains("\tat com.example.Thrower.handle(Thrower.java:7)",
                        "Caused by: java.lang.NumberFormatException",
                        "\tat com.example.Thrower.parse(Thrower.java:11)")
                .doesNotContain("io.github.fgtools", "reflect", "java.util.concurrent", "java.lang.Thread.run");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(e.getCause().getStackTrace()[e.getCause().getStackTrace().length - 1].getClassName())
                .isEqualTo("com.example.Thrower");
        assertThat(tmp.resolve("target/functiongraph/run-result.json")).doesNotExist();
    }

    @Test
    void aHandlerPastItsTimeoutFailsSayingSoAndWhereItWas() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Sleeper", """
                package com.example;
                public class Sleeper {
                    public String handle(String event) throws InterruptedException {
                        Thread.sleep(60_000);
                        return "awake";
                    }
                }
                """));
        long start = System.nanoTime();

        InvocationException e = catchThrowableOfType(InvocationException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Sleeper.handle").timeout(3).build()));

        assertThat(e.kind()).isEqualTo(InvocationException.Kind.TIMED_OUT);
        assertThat(Words.render(e.getMessage())).contains("ran past <timeout> (functiongraph.timeout) = 3 s",
                "\tat com.example.Sleeper.handle(Sleeper.java:4)");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aMissingClassNamesTheHandlerAndSaysToCompile() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Hello", """
                package com.example;
                public class Hello { public String handle(String e) { return e; } }
                """));

        FunctionGraphException e = catchThrowableOfType(FunctionGraphException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Helo.handle").build()));
        assertThat(e.isUserError()).isTrue();
        assertThat(Words.render(e.getMessage())).startsWith("<handler> (functiongraph.handler) = 'com.example.Helo.handle': "
                + "there is no class com.example.Helo").contains("mvn compile functiongraph:run");

        e = catchThrowableOfType(FunctionGraphException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Hello.handel").build()));
        assertThat(Words.render(e.getMessage())).contains("has no public method handel(event)", "its public methods: handle");
    }

    @Test
    void aMissingRuntimeJarSaysHowToAddIt() {
        Path runtimeJar = UserProject.compile(tmp.resolve("runtime"), UserProject.RUNTIME_STANDIN);
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Ctx", """
                package com.example;
                public class Ctx {
                    public String handle(String e, com.huawei.services.runtime.Context c) { return e; }
                }
                """), List.of(runtimeJar));

        FunctionGraphException e = catchThrowableOfType(FunctionGraphException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Ctx.handle").build()));

        assertThat(Words.render(e.getMessage())).contains("needs com.huawei.services.runtime.Context",
                "add FunctionGraph's runtime jar as a provided dependency", "install:install-file");
    }

    @Test
    void anEventThatDoesNotFitNamesTheTypeAndTheSource() {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Counts", """
                package com.example;
                public class Counts { public int handle(java.util.List<Integer> xs) { return xs.size(); } }
                """));

        InvocationException e = catchThrowableOfType(InvocationException.class, () -> new LocalRunner(listener)
                .run(config(classes, "com.example.Counts.handle").payload("{\"a\":1}").build()));

        assertThat(e.kind()).isEqualTo(InvocationException.Kind.EVENT);
        assertThat(Words.render(e.getMessage())).startsWith("The event (<payload> (functiongraph.payload) (7 characters)) does not fit the handler's "
                + "first parameter java.util.List<java.lang.Integer>: ");
    }

    @Test
    void theHandlerThreadHasTheProjectsContextClassLoader() throws Exception {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.Tccl", """
                package com.example;
                public class Tccl {
                    public String handle(String e) {
                        return "" + (Thread.currentThread().getContextClassLoader() == Tccl.class.getClassLoader());
                    }
                }
                """));
        List<String> results = new ArrayList<>();
        results.add(new LocalRunner(listener).run(config(classes, "com.example.Tccl.handle").build()).text());
        assertThat(results).containsExactly("true");
    }
}
