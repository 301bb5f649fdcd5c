package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.client.model.CustomImage;
import io.github.fgtools.functiongraph.client.model.FuncVpc;
import io.github.fgtools.functiongraph.client.model.LogConfig;
import io.github.fgtools.functiongraph.client.model.MountConfig;
import io.github.fgtools.functiongraph.client.model.NetworkController;
import io.github.fgtools.functiongraph.client.model.TriggerConfig;
import io.github.fgtools.functiongraph.config.DeployConfig;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.Parameters;
import io.github.fgtools.functiongraph.config.SecretMap;
import io.github.fgtools.functiongraph.deploy.DeployService;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the code package, then creates the function, or updates code and configuration of an existing one;
 * optionally publishes a version and points an alias at it.
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DeployMojo extends AbstractFunctionGraphMojo {
    /** The runtime, as the API spells it (e.g. {@code Java11}, {@code Java17}, {@code Python3.9}). @since 0.1.0 */
    @Parameter(property = "functiongraph.runtime")
    String runtime;

    /** The entry point: {@code package.Class.method} for Java; {@code -} for Custom Image. @since 0.1.0 */
    @Parameter(property = "functiongraph.handler")
    String handler;

    /** Memory in MB. @since 0.1.0 */
    @Parameter(property = "functiongraph.memorySize", defaultValue = Parameters.DEFAULT_MEMORY_SIZE)
    Integer memorySize;

    /** Timeout in seconds (3–259200). @since 0.1.0 */
    @Parameter(property = "functiongraph.timeout", defaultValue = Parameters.DEFAULT_TIMEOUT)
    Integer timeout;

    /** {@code zip}, {@code jar} or {@code obs}; derived when unset. @since 0.1.0 */
    @Parameter(property = "functiongraph.codeType")
    String codeType;

    /** The function's description. @since 0.1.0 */
    @Parameter(property = "functiongraph.description", defaultValue = "${project.description}")
    String description;

    /** Environment variables of the function ({@code user_data}), as {@code <KEY>value</KEY>}. @since 0.1.0 */
    @Parameter
    Map<String, String> userData;

    /** Encrypted environment variables ({@code encrypted_user_data}); values are never printed. @since 0.1.0 */
    @Parameter
    SecretMap encryptedUserData;

    /** The agency for configuration ({@code xrole}). @since 0.1.0 */
    @Parameter(property = "functiongraph.xrole")
    String xrole;

    /** The agency for execution ({@code app_xrole}). @since 0.1.0 */
    @Parameter(property = "functiongraph.appXrole")
    String appXrole;

    /** @since 0.1.0 */
    @Parameter(property = "functiongraph.initializerHandler")
    String initializerHandler;

    /** Seconds, 1–300. @since 0.1.0 */
    @Parameter(property = "functiongraph.initializerTimeout")
    Integer initializerTimeout;

    /** @since 0.1.0 */
    @Parameter(property = "functiongraph.preStopHandler")
    String preStopHandler;

    /** Seconds, 1–90. @since 0.1.0 */
    @Parameter(property = "functiongraph.preStopTimeout")
    Integer preStopTimeout;

    /** @since 0.1.0 */
    @Parameter(property = "functiongraph.enterpriseProjectId")
    String enterpriseProjectId;

    /** The function's VPC ({@code func_vpc}): {@code <vpcId>}, {@code <subnetId>}, ... @since 0.1.0 */
    @Parameter
    FuncVpc vpc;

    /** {@code mount_config}. @since 0.1.0 */
    @Parameter
    MountConfig mountConfig;

    /** {@code log_config}. @since 0.1.0 */
    @Parameter
    LogConfig logConfig;

    /** {@code network_controller}. @since 0.1.0 */
    @Parameter
    NetworkController networkController;

    /** {@code custom_image}. @since 0.1.0 */
    @Parameter
    CustomImage customImage;

    /** GPU memory in MB ({@code gpu_memory}). @since 0.1.0 */
    @Parameter
    Integer gpuMemory;

    /** @since 0.1.0 */
    @Parameter
    String gpuType;

    /** Dependency version ids ({@code depend_version_list}). @since 0.1.0 */
    @Parameter
    List<String> dependVersions;

    /** @since 0.1.0 */
    @Parameter
    Boolean enableDynamicMemory;

    /** {@code is_stateful_function}. @since 0.1.0 */
    @Parameter
    Boolean statefulFunction;

    /** {@code lts_custom_tag}. @since 0.1.0 */
    @Parameter
    Map<String, String> ltsCustomTags;

    /** {@code v1} or {@code v2}. @since 0.1.0 */
    @Parameter(property = "functiongraph.type", defaultValue = Parameters.DEFAULT_FUNCTION_TYPE)
    String functionType;

    /** MB of {@code /tmp} ({@code ephemeral_storage}), 512–10240; FunctionGraph's default is 512. @since 0.1.0 */
    @Parameter(property = "functiongraph.ephemeralStorage")
    Integer ephemeralStorage;

    /** Load the code in a class loader of its own ({@code enable_class_isolation}); Java runtimes only. @since 0.1.0 */
    @Parameter(property = "functiongraph.enableClassIsolation")
    Boolean enableClassIsolation;

    /**
     * The heartbeat function ({@code heartbeat_handler}), {@code package.Class.method} in the handler's class; Java
     * runtimes only. @since 0.1.0
     */
    @Parameter(property = "functiongraph.heartbeatHandler")
    String heartbeatHandler;

    /** Allow authentication information in request headers ({@code enable_auth_in_header}). @since 0.1.0 */
    @Parameter(property = "functiongraph.enableAuthInHeader")
    Boolean enableAuthInHeader;

    /** Private domain names the function resolves ({@code domain_names}), as the API takes them. @since 0.1.0 */
    @Parameter(property = "functiongraph.domainNames")
    String domainNames;

    /** Snapshot start's restore hook ({@code restore_hook_handler}); Java only. @since 0.1.0 */
    @Parameter(property = "functiongraph.restoreHookHandler")
    String restoreHookHandler;

    /** Seconds, 1–300; goes with {@code restoreHookHandler}. @since 0.1.0 */
    @Parameter(property = "functiongraph.restoreHookTimeout")
    Integer restoreHookTimeout;

    /** The jar to deploy; default the project's main artifact. @since 0.1.0 */
    @Parameter
    File artifactFile;

    /** Put runtime-scope dependencies into the zip beside the function jar. @since 0.1.0 */
    @Parameter(property = "functiongraph.includeDependencies", defaultValue = "true")
    boolean includeDependencies;

    /** Zip this folder instead (non-Java runtimes). @since 0.1.0 */
    @Parameter(property = "functiongraph.codeDirectory")
    File codeDirectory;

    /**
     * Ant-style patterns of the files of {@code codeDirectory} to package, e.g. {@code <include>**&#47;*.py</include>};
     * default all. @since 0.1.0
     */
    @Parameter
    List<String> includes;

    /**
     * Ant-style patterns of the files of {@code codeDirectory} to leave out, e.g. {@code <exclude>tests/**</exclude>};
     * Maven's default excludes ({@code .git}, {@code .svn}, {@code *~}, {@code .DS_Store}, …) always apply.
     * @since 0.1.0
     */
    @Parameter
    List<String> excludes;

    /** Entry time in the zip, for reproducible packages. @since 0.1.0 */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** OBS endpoint; default {@code https://obs.<region>.myhuaweicloud.com}. @since 0.1.0 */
    @Parameter(property = "functiongraph.obsEndpoint")
    String obsEndpoint;

    /** Upload the package to this OBS bucket (code type {@code obs}). @since 0.1.0 */
    @Parameter(property = "functiongraph.obsBucket")
    String obsBucket;

    /** Object key; default {@code functiongraph/<functionName>/<sha256>.<ext>}. @since 0.1.0 */
    @Parameter(property = "functiongraph.obsObjectKey")
    String obsObjectKey;

    /** Validate, package and write the requests, send nothing, need no credentials. @since 0.1.0 */
    @Parameter(property = "functiongraph.dryRun", defaultValue = "false")
    boolean dryRun;

    /** {@code false}: an existing function fails the build. @since 0.1.0 */
    @Parameter(property = "functiongraph.updateExisting", defaultValue = "true")
    boolean updateExisting;

    /** Publish a version after the update. @since 0.1.0 */
    @Parameter(property = "functiongraph.publishVersion", defaultValue = "false")
    boolean publishVersion;

    /** @since 0.1.0 */
    @Parameter(property = "functiongraph.versionDescription")
    String versionDescription;

    /** Create or move this alias to the published version (implies publishVersion). @since 0.1.0 */
    @Parameter(property = "functiongraph.alias")
    String alias;

    /** 1–99: keep the alias on its version and send this percentage to the new one. @since 0.1.0 */
    @Parameter(property = "functiongraph.canaryWeight")
    Integer canaryWeight;

    /**
     * Publish the version under this name, e.g. {@code ${project.version}} (implies publishVersion): 1–42 letters,
     * digits, {@code _}, {@code -}, {@code .}, starting and ending with a letter or digit. A version of that name that
     * exists is reused when its code and configuration are this deploy's, and fails the build otherwise (versions
     * are immutable). Unset, FunctionGraph names the version from the time ({@code v20261204-142128}).
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.versionName")
    String versionName;

    /**
     * After publishing, delete the versions older than the newest this many that no alias points at (by its
     * version or its additional version weights); never {@code latest}, never an aliased version. Unset: keep all
     * (FunctionGraph keeps at most 20 versions per function, latest included).
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.keepVersions")
    Integer keepVersions;

    /**
     * The function's triggers, one {@code <trigger>} each: {@code <type>} (the API's {@code trigger_type_code}),
     * {@code <status>} ({@code ACTIVE}, the default, or {@code DISABLED}), the type's {@code event_data} fields as
     * camelCase elements for TIMER, APIG, DEDICATEDGATEWAY, OBS, SMN and LTS, and {@code <eventData>} JSON for every
     * other type. Reconciled on every deploy; unset: the function's triggers are left alone. @since 0.1.0
     */
    @Parameter
    List<TriggerConfig> triggers;

    /** The qualifier the triggers attach to; default the alias when set, else {@code latest}. @since 0.1.0 */
    @Parameter(property = "functiongraph.triggerQualifier")
    String triggerQualifier;

    /** Delete the triggers of the qualifier that the POM does not name. @since 0.1.0 */
    @Parameter(property = "functiongraph.pruneTriggers", defaultValue = "false")
    boolean pruneTriggers;

    /**
     * The function's maximum number of instances ({@code strategy_config.concurrency}): -1 (no limit) to 1000.
     * 0 disables the function and is refused unless {@code allowDisable} is set. Unset: left as it is.
     * @since 0.1.0
     */
    @Parameter(property = "functiongraph.maxInstances")
    Integer maxInstances;

    /** Requests one instance serves at once ({@code strategy_config.concurrent_num}), 1–1000. @since 0.1.0 */
    @Parameter(property = "functiongraph.concurrencyPerInstance")
    Integer concurrencyPerInstance;

    /** Allow {@code maxInstances = 0}, which disables the function. @since 0.1.0 */
    @Parameter(property = "functiongraph.allowDisable", defaultValue = "false")
    boolean allowDisable;

    /**
     * The function's tags, one element each: {@code <tags><team>payments</team></tags>}; at most 20. Tags the POM
     * names are added or changed, the function's other tags are kept. @since 0.1.0
     */
    @Parameter
    Map<String, String> tags;

    /** Instances kept warm (the API's {@code count}), 0–1000, on the alias when set, else latest. @since 0.1.0 */
    @Parameter(property = "functiongraph.reservedInstances")
    Integer reservedInstances;

    /** Idle mode of the reserved instances ({@code idle_mode}); needs {@code reservedInstances}. @since 0.1.0 */
    @Parameter(property = "functiongraph.reservedIdleMode")
    Boolean reservedIdleMode;

    @Override
    protected String goal() {
        return "deploy";
    }

    @Override
    protected void run() throws FunctionGraphException {
        if ("pom".equals(project.getPackaging()) && artifactFile == null && codeDirectory == null) {
            // a reactor's parent: an <execution> in its <build><plugins> is meant for the modules
            getLog().info("Skipping functiongraph:deploy for " + project.getArtifactId() + ": packaging 'pom' has no "
                    + "code to deploy (set <artifactFile> or <codeDirectory> to deploy one)");
            return;
        }
        DeployConfig config = toConfig();
        new DeployService(reporter()).deploy(config, this::credentials);
    }

    DeployConfig toConfig() throws FunctionGraphException {
        FunctionSpec spec = FunctionSpec.builder()
                .functionName(functionName).functionPackage(functionPackage).runtime(runtime).handler(handler)
                .memorySize(memorySize).timeout(timeout).description(description)
                .userData(userData).encryptedUserData(encryptedUserData)
                .xrole(xrole).appXrole(appXrole)
                .initializerHandler(initializerHandler).initializerTimeout(initializerTimeout)
                .preStopHandler(preStopHandler).preStopTimeout(preStopTimeout)
                .enterpriseProjectId(enterpriseProjectId).vpc(vpc).mountConfig(mountConfig).logConfig(logConfig)
                .networkController(networkController).customImage(customImage).gpuMemory(gpuMemory)
                .gpuType(gpuType).dependVersions(dependVersions).enableDynamicMemory(enableDynamicMemory)
                .statefulFunction(statefulFunction).ltsCustomTags(ltsCustomTags).functionType(functionType)
                .ephemeralStorage(ephemeralStorage).enableClassIsolation(enableClassIsolation)
                .heartbeatHandler(heartbeatHandler).enableAuthInHeader(enableAuthInHeader).domainNames(domainNames)
                .restoreHookHandler(restoreHookHandler).restoreHookTimeout(restoreHookTimeout)
                .build();
        return DeployConfig.builder()
                .function(spec)
                .cloud(cloudConfig(obsEndpoint))
                .artifactFile(artifact())
                .dependencyJars(runtimeDependencies())
                .includeDependencies(includeDependencies)
                .codeDirectory(codeDirectory == null ? null : codeDirectory.toPath())
                .includes(includes).excludes(excludes)
                .outputTimestamp(outputTimestamp)
                .codeType(codeType)
                .outputDirectory(outputDirectory())
                .obsBucket(obsBucket).obsObjectKey(obsObjectKey)
                .dryRun(dryRun).updateExisting(updateExisting)
                .publishVersion(publishVersion).versionDescription(versionDescription)
                .alias(alias).canaryWeight(canaryWeight)
                .versionName(versionName).keepVersions(keepVersions)
                .triggers(triggers).triggerQualifier(triggerQualifier).pruneTriggers(pruneTriggers)
                .maxInstances(maxInstances).concurrencyPerInstance(concurrencyPerInstance).allowDisable(allowDisable)
                .tags(tags).reservedInstances(reservedInstances).reservedIdleMode(reservedIdleMode)
                .build();
    }

    /** The main artifact once {@code package} ran; else the jar a previous {@code package} left in target. */
    private Path artifact() {
        if (artifactFile != null) {
            return artifactFile.toPath();
        }
        File file = project.getArtifact() == null ? null : project.getArtifact().getFile();
        if (file != null && file.isFile()) {
            return file.toPath();
        }
        File built = new File(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
        return built.toPath();
    }

    /** Runtime-scope dependency jars: compile and runtime scopes (provided, system and test stay out). */
    private List<Path> runtimeDependencies() {
        List<Path> jars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            String scope = a.getScope();
            boolean runtimeScope = Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope);
            if (runtimeScope && a.getFile() != null && a.getFile().getName().endsWith(".jar")) {
                jars.add(a.getFile().toPath());
            }
        }
        return jars;
    }
}
