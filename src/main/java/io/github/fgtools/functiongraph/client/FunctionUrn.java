package io.github.fgtools.functiongraph.client;

/**
 * {@code urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]}.
 */
public final class FunctionUrn {
    private final String region;
    private final String projectId;
    private final String functionPackage;
    private final String name;

    public FunctionUrn(String region, String projectId, String functionPackage, String name) {
        this.region = region;
        this.projectId = projectId;
        this.functionPackage = functionPackage;
        this.name = name;
    }

    /** The 7-field form, without version: for versions, aliases and delete (all versions). */
    public String unqualified() {
        return "urn:fss:" + region + ":" + projectId + ":function:" + functionPackage + ":" + name;
    }

    public String latest() {
        return version("latest");
    }

    public String version(String version) {
        return unqualified() + ":" + version;
    }

    public String alias(String alias) {
        return unqualified() + ":!" + alias;
    }

    /** A qualifier as users write it: {@code latest}, a version name, or an alias name. */
    public String qualified(String qualifier, boolean isAlias) {
        return isAlias ? alias(qualifier) : version(qualifier);
    }

    @Override
    public String toString() {
        return latest();
    }
}
