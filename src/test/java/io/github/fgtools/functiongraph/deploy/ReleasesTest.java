package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.config.CloudConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.standin.CloudStandIn;
import io.github.fgtools.functiongraph.standin.RecordedRequest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions as FunctionGraph names them, {@code versionName}, {@code keepVersions} and class-file levels, against the
 * loopback stand-in, which names unnamed versions {@code vYYYYMMDD-HHMMSS} (with a suffix within one second, so that
 * names do not sort as they were published).
 */
class ReleasesTest {
    private static final String SERVICE_NAME = "v\\d{8}-\\d{6}(-\\d+)?";

    @TempDir
    Path dir;

    private CloudStandIn cloud;
    private final List<String> info = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Reporter listener = new Reporter() {
        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void error(String message) {
            warnings.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };

    @BeforeEach
    void start() {
        cloud = CloudStandIn.start(dir.resolve("cloud"));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    /** A jar whose one entry is {@code Handler.class} with {@code content} (not a class file: no level). */
    private Path jar(String content) throws Exception {
        return jar("fn-" + content.hashCode() + ".jar", "com/example/Handler.class", content.getBytes("UTF-8"));
    }

    private Path jar(String name, String entry, byte[] bytes) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            JarEntry e = new JarEntry(entry);
            e.setTime(0);
            j.putNextEntry(e);
            j.write(bytes);
            j.closeEntry();
        }
        return jar;
    }

    /** The first bytes of a class file of {@code major} (all that the level is read from), then a filler. */
    static byte[] classFile(int major) {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (major >> 8),
            (byte) major, 0, 1, 2, 3};
    }

    private DeployConfig.Builder config(String description, Path jar) {
        return config(description, jar, "Java11");
    }

    private DeployConfig.Builder config(String description, Path jar, String runtime) {
        return DeployConfig.builder()
                .function(FunctionSpec.builder().functionName("fn").runtime(runtime)
                        .handler("com.example.Handler.handle").description(description).build())
                .cloud(CloudConfig.builder().endpoint(cloud.baseUrl()).iamEndpoint(cloud.baseUrl())
                        .obsEndpoint(cloud.baseUrl()).projectId(CloudStandIn.PROJECT_ID).retries(1)
                        .readTimeout(5).connectTimeout(2))
                .artifactFile(jar)
                .outputDirectory(dir.resolve("out"));
    }

    private DeployResult deploy(DeployConfig.Builder b) throws Exception {
        return new DeployService(listener).deploy(b.build(),
                () -> Credentials.akSk(CloudStandIn.AK, CloudStandIn.SK, null, "test"));
    }

    private List<String> writes() {
        return cloud.requests().stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    private List<String> versions() {
        return cloud.functionVersions("default", "fn");
    }

    @Test
    void theNewestVersionIsTheOnePublishedLastNotTheGreatestName() throws Exception {
        Path jar = jar("code");
        // eleven versions within a second or two: v…-HHMMSS, v…-HHMMSS-2, … v…-HHMMSS-10 sort before -2 by name
        for (int i = 1; i <= 11; i++) {
            assertThat(deploy(config("change " + i, jar).publishVersion(true)).version).matches(SERVICE_NAME);
        }
        String last = versions().get(10);
        cloud.clearRequests();
        DeployResult again = deploy(config("change 11", jar).publishVersion(true));
        assertThat(again.version).isEqualTo(last);
        assertThat(again.action).isEqualTo("unchanged");
        assertThat(writes()).isEmpty();
        assertThat(info).contains("Nothing changed: reusing version " + last);

        // user names that sort the other way round: the one published last is the newest
        deploy(config("zeta", jar).versionName("zeta"));
        deploy(config("alpha", jar).versionName("alpha"));
        assertThat(deploy(config("alpha", jar).publishVersion(true)).version).isEqualTo("alpha");
    }

    @Test
    void anUnchangedRepublishThatTheServiceRefusesReusesItsLastVersion() throws Exception {
        Path jar = jar("code");
        String first = deploy(config("one", jar).alias("prod")).version;
        // latest changed elsewhere and back: nothing to publish, as FSS.1016 says; the newest version is reused
        deploy(config("two", jar));
        DeployResult r = deploy(config("one", jar).alias("prod"));
        assertThat(r.version).isEqualTo(first);
        assertThat(versions()).containsExactly(first);
        assertThat(info).anySatisfy(i -> assertThat(i).contains("No change since the last version: reusing version "
                + first));
    }

    @Test
    void aVersionNameIsPublishedThenReusedAndAChangedRerunFailsBeforeChangingAnything() throws Exception {
        Path jar = jar("code");
        DeployResult created = deploy(config("one", jar).versionName("1.2.0").alias("prod"));
        assertThat(created.version).isEqualTo("1.2.0");
        assertThat(created.changes).contains("version 1.2.0 published", "alias prod created on version 1.2.0");
        RecordedRequest publish = cloud.requests().stream().filter(r -> r.path().endsWith("/versions")
                && r.method().equals("POST")).findFirst().get();
        assertThat(publish.bodyAt("/version").asText()).isEqualTo("1.2.0");

        cloud.clearRequests();
        DeployResult rerun = deploy(config("one", jar).versionName("1.2.0").alias("prod"));
        assertThat(rerun.version).isEqualTo("1.2.0");
        assertThat(rerun.action).isEqualTo("unchanged");
        assertThat(writes()).isEmpty();

        cloud.clearRequests();
        String message = Words.thrown(() -> deploy(config("two", jar("other code")).versionName("1.2.0")
                .alias("prod")));
        assertThat(message).contains("Version 1.2.0 of fn exists already and differs from this deploy in code (digest")
                .contains("description ('one' in the version, 'two' in the POM)")
                .contains("Versions are immutable: publish under another <versionName> (functiongraph.versionName)")
                .contains("nothing was changed in the cloud");
        assertThat(writes()).isEmpty();
        assertThat(versions()).containsExactly("1.2.0");
    }

    @Test
    void aVersionNameThatExistsIsReusedWhenLatestWasChangedElsewhere() throws Exception {
        Path jar = jar("code");
        deploy(config("one", jar).versionName("1.0.0"));
        deploy(config("meanwhile", jar("theirs")));
        DeployResult r = deploy(config("one", jar).versionName("1.0.0"));
        assertThat(r.version).isEqualTo("1.0.0");
        assertThat(r.changes).containsExactly("code updated", "configuration updated");
        assertThat(versions()).containsExactly("1.0.0");
    }

    @Test
    void keepVersionsDeletesExactlyTheUnaliasedOldestAndKeepsBothAliases() throws Exception {
        Path jar = jar("code");
        List<DeployResult> runs = new ArrayList<>();
        runs.add(deploy(config("1", jar).alias("stable").keepVersions(3)));
        runs.add(deploy(config("2", jar).publishVersion(true).keepVersions(3)));
        runs.add(deploy(config("3", jar).publishVersion(true).keepVersions(3)));
        runs.add(deploy(config("4", jar).alias("prod").keepVersions(3)));
        runs.add(deploy(config("5", jar).alias("prod").canaryWeight(10).keepVersions(3)));
        runs.add(deploy(config("6", jar).publishVersion(true).keepVersions(3)));
        List<String> v = runs.stream().map(r -> r.version).collect(Collectors.toList());
        assertThat(v).allSatisfy(n -> assertThat(n).matches(SERVICE_NAME)).doesNotHaveDuplicates();

        assertThat(versions()).containsExactly(v.get(0), v.get(3), v.get(4), v.get(5));
        assertThat(runs.get(4).changes).contains("version " + v.get(1) + " deleted");
        assertThat(runs.get(5).changes).containsExactly("configuration updated", "version " + v.get(5)
                + " published", "version " + v.get(2) + " deleted");
        JsonNode stable = alias("stable");
        assertThat(stable.path("version").asText()).isEqualTo(v.get(0));
        JsonNode prod = alias("prod");
        assertThat(prod.path("version").asText()).isEqualTo(v.get(3));
        assertThat(prod.path("additional_version_weights").path(v.get(4)).asInt()).isEqualTo(10);
        assertThat(info).contains("Keeping version " + v.get(0) + ": alias stable points at it");
        assertThat(cloud.requests()).filteredOn(r -> r.method().equals("DELETE")).extracting(RecordedRequest::path)
                .allSatisfy(p -> assertThat(p).doesNotEndWith(":latest"))
                .containsExactly(urnPath(v.get(1)), urnPath(v.get(2)));
    }

    @Test
    void aCanaryWeightKeepsAnOldVersion() throws Exception {
        Path jar = jar("code");
        List<String> v = new ArrayList<>();
        v.add(deploy(config("1", jar).publishVersion(true)).version);
        v.add(deploy(config("2", jar).alias("prod")).version);
        v.add(deploy(config("3", jar).alias("prod").canaryWeight(20)).version);
        v.add(deploy(config("4", jar).publishVersion(true)).version);
        v.add(deploy(config("5", jar).publishVersion(true)).version);
        DeployResult last = deploy(config("6", jar).publishVersion(true).keepVersions(2));
        // newest two kept; of the older, prod's version and its canary's stay; the rest go
        assertThat(versions()).containsExactly(v.get(1), v.get(2), v.get(4), last.version);
        assertThat(last.changes).contains("version " + v.get(0) + " deleted", "version " + v.get(3) + " deleted");
        assertThat(alias("prod").path("additional_version_weights").path(v.get(2)).asInt()).isEqualTo(20);
    }

    @Test
    void atTheVersionLimitKeepVersionsMakesRoomFirst() throws Exception {
        Path jar = jar("code");
        for (int i = 1; i <= 19; i++) {
            deploy(config("change " + i, jar).publishVersion(true));
        }
        List<String> before = versions();
        DeployResult r = deploy(config("change 20", jar).publishVersion(true).keepVersions(5));
        assertThat(versions()).hasSize(5).startsWith(before.get(15), before.get(16), before.get(17), before.get(18))
                .endsWith(r.version);
        assertThat(info).anySatisfy(i -> assertThat(Words.render(i)).contains("version limit is reached"));
    }

    @Test
    void classFilesNewerThanTheRuntimeAreRefusedBeforeAnyRequest() throws Exception {
        Path java17 = jar("handler.jar", "com/example/Handler.class", classFile(61));
        String message = Words.thrown(() -> deploy(config("d", java17, "Java11")));
        assertThat(message).contains("The function jar handler.jar has 1 class file newer than runtime Java11 loads: "
                + "com.example.Handler is Java 17 (class file major 61), and Java11 runs class files up to Java 11 "
                + "(class file major 55)").contains("UnsupportedClassVersionError")
                .contains("Compile for Java 11").contains("or set <runtime> (functiongraph.runtime) to Java17")
                .contains("Nothing was sent");
        assertThat(cloud.requests()).isEmpty();

        assertThat(deploy(config("d", java17, "Java17")).action).isEqualTo("created");
    }

    @Test
    void aDependencyWithNewerClassFilesIsAWarningAndMultiReleaseClassesAreNotCounted() throws Exception {
        Path fn = jar("fn.jar", "com/example/Handler.class", classFile(52));
        Path dep = jar("lib-1.0.jar", "org/lib/Util.class", classFile(65));
        Path multiRelease = jar("mr-1.0.jar", "META-INF/versions/21/org/mr/Fast.class", classFile(65));
        Path moduleInfo = jar("mod-1.0.jar", "module-info.class", classFile(53));
        DeployResult r = deploy(config("d", fn, "Java8").dependencyJars(java.util.Arrays.asList(dep, multiRelease,
                moduleInfo)));
        assertThat(r.action).isEqualTo("created");
        assertThat(warnings).singleElement().asString().contains("Dependency lib-1.0.jar has 1 class file for Java 21 "
                + "(class file major 65) (e.g. org.lib.Util), newer than runtime Java8 loads");
        // a function jar for Java 11 is refused on Java8
        Path java11 = jar("fn11.jar", "com/example/Handler.class", classFile(55));
        assertThat(Words.thrown(() -> deploy(config("e", java11, "Java8")))).contains("com.example.Handler is Java 11");
    }

    private JsonNode alias(String name) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(cloud.baseUrl() + "/v2/"
                        + CloudStandIn.PROJECT_ID + "/fgs/functions/" + urn() + "/aliases/" + name))
                        .header("X-Auth-Token", CloudStandIn.AUTH_TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static String urn() {
        return "urn:fss:" + CloudStandIn.REGION + ":" + CloudStandIn.PROJECT_ID + ":function:default:fn";
    }

    private static String urnPath(String version) {
        return "/v2/" + CloudStandIn.PROJECT_ID + "/fgs/functions/" + urn() + ":" + version;
    }
}
