package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CloudSettings;

/**
 * An existing function and where it lives: what {@code delete} needs, and what {@code invoke} addresses. Immutable;
 * {@link Builder#build()} reports every problem at once.
 */
public final class FunctionTarget {
    public final CloudSettings cloud;
    public final String functionName;
    public final String functionPackage;

    private FunctionTarget(CloudSettings cloud, String functionName, String functionPackage) {
        this.cloud = cloud;
        this.functionName = functionName;
        this.functionPackage = functionPackage;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private CloudConfig cloud = CloudConfig.builder();
        private String functionName;
        private String functionPackage;

        public Builder cloud(CloudConfig v) { cloud = v; return this; }
        public Builder functionName(String v) { functionName = Text.blankToNull(v); return this; }
        public Builder functionPackage(String v) { functionPackage = Text.blankToNull(v); return this; }

        /** Validates into {@code problems}, with the caller's own checks. */
        FunctionTarget build(Problems problems) {
            String pkg = functionPackage == null ? Parameters.DEFAULT_FUNCTION_PACKAGE : functionPackage;
            FunctionRules.checkName(problems, Setting.FUNCTION_NAME, functionName);
            FunctionRules.checkName(problems, Setting.FUNCTION_PACKAGE, pkg);
            return new FunctionTarget(cloud.build(problems), functionName, pkg);
        }

        /** For {@code delete}: the target alone. */
        public FunctionTarget build() throws InvalidConfigurationException {
            Problems problems = new Problems();
            FunctionTarget target = build(problems);
            problems.throwIfAny("Invalid functiongraph:delete configuration");
            return target;
        }
    }
}
