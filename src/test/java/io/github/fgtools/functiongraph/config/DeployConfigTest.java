package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Words;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployConfigTest {
    @TempDir
    Path dir;

    private DeployConfig.Builder valid(FunctionSpec.Builder spec) throws Exception {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1});
        return DeployConfig.builder().function(spec.build()).artifactFile(jar).outputDirectory(dir.resolve("out"));
    }

    private static FunctionSpec.Builder spec() {
        return FunctionSpec.builder().functionName("hello").runtime("Java11").handler("com.example.H.handle");
    }

    @Test
    void everyProblemIsReportedAtOnceNamingElementPropertyValueAndRule() throws Exception {
        DeployConfig.Builder b = valid(spec().memorySize(300).timeout(1).handler("nodot"));
        assertThatThrownBy(b::build).isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> {
                    InvalidConfigurationException ice = (InvalidConfigurationException) e;
                    assertThat(ice.problems()).hasSize(3);
                    assertThat(Words.render(ice.getMessage()))
                            .contains("<memorySize> (functiongraph.memorySize) = 300", "128, 256, 512")
                            .contains("<timeout> (functiongraph.timeout) = 1", "between 3 and 259200")
                            .contains("<handler> (functiongraph.handler) = 'nodot'", "package.Class.method")
                            .contains("nothing was sent");
                });
    }

    @Test
    void aMultipleOf128BeyondTheSeedIsAWarningOnly() throws Exception {
        DeployConfig config = valid(spec().memorySize(8192)).build();
        assertThat(config.warnings.stream().map(Words::render).collect(java.util.stream.Collectors.toList())).singleElement().asString().contains("<memorySize>", "8192");
    }

    @Test
    void runtimeMustBeTheApiEnumWithASuggestion() throws Exception {
        assertThat(Words.thrown(() -> valid(spec().runtime("java11")).build()))
                .contains("<runtime> (functiongraph.runtime) = 'java11'")
                .contains("did you mean 'Java11'");
    }

    @Test
    void nameRules() throws Exception {
        assertThat(Words.thrown(() -> valid(spec().functionName("1bad")).build()))
                .contains("<functionName> (functiongraph.functionName) = '1bad'");
        assertThat(Words.thrown(() -> valid(spec().functionPackage("bad package")).build()))
                .contains("<functionPackage> (functiongraph.package)");
    }

    @Test
    void versionNameFollowsTheApiRuleAndImpliesPublishing() throws Exception {
        for (String good : new String[] {"1.2.0", "v20261204-142128", "release_7", "a", "1.0.0-RC1"}) {
            DeployConfig c = valid(spec()).versionName(good).build();
            assertThat(c.versionName).isEqualTo(good);
            assertThat(c.publishVersion).isTrue();
        }
        for (String bad : new String[] {"1.2.0-", ".hidden", "latest", "has space", "x/y",
                "a234567890123456789012345678901234567890123"}) {
            assertThat(Words.thrown(() -> valid(spec()).versionName(bad).build())).as(bad)
                    .contains("<versionName> (functiongraph.versionName) = '" + bad + "'")
                    .contains("1–42 letters, digits, '_', '-' or '.'").contains("nothing was sent");
        }
        assertThat(valid(spec()).versionName("a2345678901234567890123456789012345678901").build().versionName)
                .hasSize(41);
    }

    @Test
    void scalingRangesAreCheckedAllAtOnce() throws Exception {
        String all = Words.thrown(() -> valid(spec()).maxInstances(1001).concurrencyPerInstance(0).build());
        assertThat(all).contains("<maxInstances> (functiongraph.maxInstances) = 1001: -1 (no limit) to 1000")
                .contains("<concurrencyPerInstance> (functiongraph.concurrencyPerInstance) = 0: 1 to 1000");
        assertThat(Words.thrown(() -> valid(spec()).maxInstances(-2).concurrencyPerInstance(1001).build()))
                .contains("maxInstances").contains("concurrencyPerInstance");
        DeployConfig ok = valid(spec()).maxInstances(-1).concurrencyPerInstance(1000).build();
        assertThat(ok.scaling.maxInstances).isEqualTo(-1);
        assertThat(ok.scaling.concurrencyPerInstance).isEqualTo(1000);
        assertThat(valid(spec()).build().scaling.isEmpty()).isTrue();
    }

    @Test
    void reservedInstancesRangesAndIdleModeNeedsACount() throws Exception {
        String all = Words.thrown(() -> valid(spec()).reservedInstances(1001).build());
        assertThat(all).contains("<reservedInstances> (functiongraph.reservedInstances) = 1001: 0 to 1000");
        assertThat(Words.thrown(() -> valid(spec()).maxInstances(5).reservedInstances(6).reservedIdleMode(true)
                .build())).contains("= 6: at most <maxInstances> (functiongraph.maxInstances) (5)");
        assertThat(Words.thrown(() -> valid(spec()).reservedIdleMode(true).build()))
                .contains("<reservedIdleMode> (functiongraph.reservedIdleMode) = true: needs <reservedInstances>");
        assertThat(valid(spec()).reservedInstances(2).alias("prod").build().reserved.qualifier).isEqualTo("prod");
        assertThat(valid(spec()).reservedInstances(2).build().reserved.qualifier).isEqualTo("latest");
    }

    @Test
    void tagRulesAreCheckedBeforeSending() throws Exception {
        java.util.Map<String, String> many = new java.util.TreeMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("k" + i, "v");
        }
        assertThat(Words.thrown(() -> valid(spec()).tags(many).build()))
                .contains("<tags> = '21 tags': at most 20 per function");
        java.util.Map<String, String> bad = new java.util.TreeMap<>();
        bad.put("_sys_owner", "x");
        bad.put("team", "a#b");
        String all = Words.thrown(() -> valid(spec()).tags(bad).build());
        assertThat(all).contains("<tags> = '_sys_owner': a key of 1–128").contains("<tags> = 'team=a#b': a value");
        java.util.Map<String, String> ok = new java.util.HashMap<>();
        ok.put("team", "payments");
        ok.put("cost-center", "");
        assertThat(valid(spec()).tags(ok).build().tags).containsOnlyKeys("team", "cost-center");
        assertThat(valid(spec()).build().tags).isEmpty();
    }

    @Test
    void maxInstancesZeroDisablesAndIsRefusedWithoutAllowDisable() throws Exception {
        assertThat(Words.thrown(() -> valid(spec()).maxInstances(0).build()))
                .contains("<maxInstances> (functiongraph.maxInstances) = 0: 0 disables the function")
                .contains("<allowDisable> (functiongraph.allowDisable) = true");
        assertThat(valid(spec()).maxInstances(0).allowDisable(true).build().scaling.maxInstances).isZero();
    }

    @Test
    void keepVersionsIsAtLeastOneAndWarnsWithoutPublishing() throws Exception {
        assertThat(Words.thrown(() -> valid(spec()).publishVersion(true).keepVersions(0).build()))
                .contains("<keepVersions> (functiongraph.keepVersions) = 0: at least 1");
        DeployConfig alone = valid(spec()).keepVersions(3).build();
        assertThat(alone.warnings.stream().map(Words::render).collect(java.util.stream.Collectors.toList()))
                .singleElement().asString().contains("<keepVersions> (functiongraph.keepVersions) = 3")
                .contains("<publishVersion> (functiongraph.publishVersion)");
        assertThat(valid(spec()).alias("prod").keepVersions(3).build().warnings).isEmpty();
    }

    @Test
    void userDataLimits() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("K" + i, "v");
        }
        assertThat(Words.thrown(() -> valid(spec().userData(many)).build())).contains("at most 20 keys");
        Map<String, String> big = Collections.singletonMap("BIG", new String(new char[5000]).replace('\0', 'x'));
        assertThat(Words.thrown(() -> valid(spec().userData(big)).build())).contains("4 KB");
    }

    @Test
    void secretValuesNeverAppearInProblems() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            secrets.put("K" + i, "s3cr3t-value-" + i);
        }
        assertThat(Words.thrown(() -> valid(spec().encryptedUserData(secrets)).build()))
                .contains("<encryptedUserData>").doesNotContain("s3cr3t");
    }

    @Test
    void missingArtifactSaysToRunPackage() {
        assertThat(Words.thrown(() -> DeployConfig.builder().function(spec().build())
                .artifactFile(dir.resolve("missing.jar")).outputDirectory(dir).build()))
                .contains("mvn package functiongraph:deploy");
    }

    @Test
    void codeTypeIsDerived() throws Exception {
        assertThat(valid(spec()).build().effectiveCodeType()).isEqualTo("jar");
        Path dep = Files.write(dir.resolve("dep.jar"), new byte[] {2});
        assertThat(valid(spec()).dependencyJars(new java.util.ArrayList<>(Collections.singletonList(dep))).build()
                .effectiveCodeType()).isEqualTo("zip");
        assertThat(valid(spec()).obsBucket("my-bucket").build().effectiveCodeType()).isEqualTo("obs");
    }

    @Test
    void canaryNeedsAnAliasAndAWeightInRange() throws Exception {
        assertThat(Words.thrown(() -> valid(spec()).canaryWeight(100).build()))
                .contains("between 1 and 99").contains("needs <alias>");
    }

    @Test
    void endpointsAreDerivedFromTheRegion() throws Exception {
        DeployConfig c = valid(spec()).cloud(CloudConfig.builder().region("ap-southeast-1")).build();
        assertThat(c.cloud.endpoint.toString()).isEqualTo("https://functiongraph.ap-southeast-1.myhuaweicloud.com");
        assertThat(c.cloud.iamEndpoint.toString()).isEqualTo("https://iam.ap-southeast-1.myhuaweicloud.com");
        assertThat(c.cloud.obsPathStyle()).isFalse();
        DeployConfig local = valid(spec()).cloud(CloudConfig.builder().obsEndpoint("http://127.0.0.1:9000")).build();
        assertThat(local.cloud.obsPathStyle()).isTrue();
    }

    @Test
    void includesAndExcludesGoWithACodeDirectoryOnly() throws Exception {
        assertThat(Words.thrown(() -> valid(spec()).includes(java.util.Arrays.asList("**/*.py", " ")).build()))
                .contains("<includes> = '**/*.py': patterns apply to <codeDirectory> (functiongraph.codeDirectory) only");
        Path code = Files.createDirectories(dir.resolve("code"));
        DeployConfig c = valid(spec()).codeDirectory(code).includes(java.util.Arrays.asList("**/*.py", " "))
                .excludes(Collections.singletonList("tests/**")).build();
        assertThat(c.includes).containsExactly("**/*.py");
        assertThat(c.excludes).containsExactly("tests/**");
    }

    @Test
    void settingsTheApiRefusesAreRefusedBeforeSending() throws Exception {
        io.github.fgtools.functiongraph.client.model.MountConfig mounts =
                new io.github.fgtools.functiongraph.client.model.MountConfig();
        mounts.mountUser = new io.github.fgtools.functiongraph.client.model.MountUser();
        mounts.mountUser.userId = "0";
        mounts.mountUser.userGroupId = "70000";
        io.github.fgtools.functiongraph.client.model.FuncMount ecs = new io.github.fgtools.functiongraph.client.model.FuncMount();
        ecs.mountType = "ecs";
        ecs.mountResource = "r";
        ecs.localMountPath = "/mnt/a";
        io.github.fgtools.functiongraph.client.model.FuncMount nfs = new io.github.fgtools.functiongraph.client.model.FuncMount();
        nfs.mountType = "nfs";
        nfs.mountResource = "r";
        nfs.localMountPath = "/mnt/b";
        mounts.funcMounts = java.util.Arrays.asList(ecs, nfs);
        String message = Words.thrown(() -> valid(spec().preStopTimeout(10).gpuMemory(1024).functionType("v1")
                .statefulFunction(true).mountConfig(mounts)).codeType("Custom-Image-Swr").build());
        assertThat(message).contains(
                "<preStopHandler> (functiongraph.preStopHandler) = (not set): required with <preStopTimeout>",
                "<gpuMemory> = 1024: GPUs are for the runtimes Custom and Custom Image only, not Java11",
                "<statefulFunction> = true: stateful functions are <functionType> (functiongraph.type) v2 only",
                "<mountConfig><mountUser><userId> = '0': a whole number from -1 to 65534, not 0",
                "<mountConfig><mountUser><userGroupId> = '70000'",
                "<mountConfig><funcMounts> #1 <mountSharePath> (an ecs mount's remote path",
                "<mountConfig><funcMounts> #2 <mountType> = 'nfs': one of [sfs, sfsTurbo, ecs]",
                "<codeType> (functiongraph.codeType) = 'Custom-Image-Swr': not supported by functiongraph:deploy");
    }

    @Test
    void aLongDescriptionIsCutWithAWarning() throws Exception {
        String long600 = new String(new char[600]).replace('\0', 'd');
        DeployConfig c = valid(spec().description(long600)).build();
        assertThat(c.function.description).hasSize(512);
        assertThat(c.warnings.stream().map(Words::render).collect(java.util.stream.Collectors.toList()))
                .singleElement().asString().contains("<description> (functiongraph.description) = '600 characters'",
                        "the first 512 are sent");
    }

    @Test
    void theSettingsOfTheUpdateApiHaveItsRules() throws Exception {
        DeployConfig java = valid(spec().ephemeralStorage(10240).enableClassIsolation(true)
                .heartbeatHandler("com.example.H.beat").enableAuthInHeader(true).domainNames("[]")
                .restoreHookHandler("com.example.H.restore").restoreHookTimeout(300)).build();
        assertThat(java.function.ephemeralStorage).isEqualTo(10240);
        assertThat(java.warnings).isEmpty();
        assertThat(Words.thrown(() -> valid(spec().ephemeralStorage(256).heartbeatHandler("com.example.Other.beat")
                .restoreHookHandler("com.example.H.restore")).build())).contains(
                "<ephemeralStorage> (functiongraph.ephemeralStorage) = 256: between 512 and 10240 MB",
                "<heartbeatHandler> (functiongraph.heartbeatHandler) = 'com.example.Other.beat': must be in the same "
                        + "class as <handler> (functiongraph.handler) (com.example.H)",
                "<restoreHookTimeout> (functiongraph.restoreHookTimeout) = (not set): required with "
                        + "<restoreHookHandler> (functiongraph.restoreHookHandler): 1 to 300 seconds");
        assertThat(Words.thrown(() -> valid(FunctionSpec.builder().functionName("py").runtime("Python3.9")
                .handler("index.handler").enableClassIsolation(true).heartbeatHandler("index.beat")
                .restoreHookHandler("index.restore").restoreHookTimeout(301).ephemeralStorage(20480)).build()))
                .contains("<enableClassIsolation> (functiongraph.enableClassIsolation) = true: class isolation is "
                                + "for Java runtimes, not Python3.9",
                        "<heartbeatHandler> (functiongraph.heartbeatHandler) = 'index.beat': heartbeat functions are "
                                + "for Java runtimes, not Python3.9",
                        "<restoreHookHandler> (functiongraph.restoreHookHandler) = 'index.restore': snapshot start is "
                                + "for Java functions, not Python3.9",
                        "<restoreHookTimeout> (functiongraph.restoreHookTimeout) = 301: between 1 and 300 seconds",
                        "<ephemeralStorage> (functiongraph.ephemeralStorage) = 20480: between 512 and 10240 MB");
        assertThat(Words.thrown(() -> valid(spec().restoreHookTimeout(5).heartbeatHandler("nodot")).build()))
                .contains("<restoreHookHandler> (functiongraph.restoreHookHandler) = (not set): required with "
                        + "<restoreHookTimeout>", "<heartbeatHandler> (functiongraph.heartbeatHandler) = 'nodot': "
                        + "3–128 characters containing a '.'");
        assertThat(valid(FunctionSpec.builder().functionName("py").runtime("Python3.9").handler("index.handler")
                .enableClassIsolation(false)).build().function.enableClassIsolation).isFalse();
    }

    @Test
    void aLogConfigNamesItsGroupAndStreamById() throws Exception {
        io.github.fgtools.functiongraph.client.model.LogConfig names =
                new io.github.fgtools.functiongraph.client.model.LogConfig();
        names.groupName = "orders-logs";
        names.streamName = "orders-stream";
        assertThat(Words.thrown(() -> valid(spec().logConfig(names)).build())).contains(
                "<logConfig><groupId> (FunctionGraph binds the log group by id) is required",
                "<logConfig><streamId> (FunctionGraph binds the log stream by id) is required");
        names.groupId = "lg-1";
        names.streamId = "ls-1";
        assertThat(valid(spec().logConfig(names)).build().function.logConfig.streamId).isEqualTo("ls-1");
    }
}
