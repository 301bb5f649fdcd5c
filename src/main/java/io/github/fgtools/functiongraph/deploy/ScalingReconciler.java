package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.model.StrategyConfig;
import io.github.fgtools.functiongraph.client.model.UpdateFunctionConfigRequest;
import io.github.fgtools.functiongraph.client.model.UpdateMaxInstanceRequest;
import io.github.fgtools.functiongraph.config.FunctionSpec;
import io.github.fgtools.functiongraph.config.ScalingSpec;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings the function's scaling to what the POM declares, reading {@code strategy_config} first and writing only what
 * differs: the maximum number of instances with UpdateFunctionMaxInstanceConfig ({@code PUT
 * …/{function_urn}/config-max-instance}, {@code max_instance_num}: the call the API reference gives for it), the
 * requests per instance with UpdateFunctionConfig's {@code strategy_config.concurrent_num} (the only call that sets
 * it). {@link #plan} decides (pure), {@link #apply} writes, each change into {@code changes} as it lands.
 */
final class ScalingReconciler {
    /** The writes to make; a null field is already as declared (or not declared). */
    static final class Plan {
        final Integer maxInstances;
        final Integer concurrencyPerInstance;
        final Integer currentMaxInstances;
        final Integer currentConcurrencyPerInstance;

        Plan(Integer maxInstances, Integer concurrencyPerInstance, Integer currentMaxInstances,
                Integer currentConcurrencyPerInstance) {
            this.maxInstances = maxInstances;
            this.concurrencyPerInstance = concurrencyPerInstance;
            this.currentMaxInstances = currentMaxInstances;
            this.currentConcurrencyPerInstance = currentConcurrencyPerInstance;
        }

        boolean isEmpty() {
            return maxInstances == null && concurrencyPerInstance == null;
        }

        /** The differences, in the changes' words: {@code maxInstances 400 -> 10}. */
        List<String> describe() {
            List<String> out = new ArrayList<>();
            if (maxInstances != null) {
                out.add("maxInstances " + show(currentMaxInstances) + " -> " + maxInstances);
            }
            if (concurrencyPerInstance != null) {
                out.add("concurrencyPerInstance " + show(currentConcurrencyPerInstance) + " -> "
                        + concurrencyPerInstance);
            }
            return out;
        }

        private static String show(Integer v) {
            return v == null ? "(unset)" : String.valueOf(v);
        }
    }

    private final FunctionGraphClient fg;
    private final Reporter reporter;

    ScalingReconciler(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /** Compares the declared scaling with {@code current}'s {@code strategy_config} (ShowFunctionConfig). */
    static Plan plan(ScalingSpec spec, JsonNode current) {
        JsonNode strategy = current == null ? null : current.get("strategy_config");
        Integer max = intOrNull(strategy, "concurrency");
        Integer num = intOrNull(strategy, "concurrent_num");
        return new Plan(spec.maxInstances != null && !spec.maxInstances.equals(max) ? spec.maxInstances : null,
                spec.concurrencyPerInstance != null && !spec.concurrencyPerInstance.equals(num)
                        ? spec.concurrencyPerInstance : null, max, num);
    }

    private static Integer intOrNull(JsonNode strategy, String field) {
        JsonNode v = strategy == null ? null : strategy.get(field);
        return v == null || !v.canConvertToInt() ? null : v.intValue();
    }

    /** The max-instance body, for a dry run and for {@link #apply}. */
    static UpdateMaxInstanceRequest maxInstanceRequest(int maxInstances) {
        return new UpdateMaxInstanceRequest(maxInstances);
    }

    /** UpdateFunctionConfig's body: the function's configuration as merged on update, with the new concurrent_num. */
    static UpdateFunctionConfigRequest concurrencyRequest(ObjectNode current, FunctionSpec f, Integer maxInstances,
            int concurrencyPerInstance) throws FunctionGraphException {
        UpdateFunctionConfigRequest body = RequestBodies.mergedConfig(current, f);
        StrategyConfig strategy = new StrategyConfig();
        strategy.concurrency = maxInstances;
        strategy.concurrentNum = concurrencyPerInstance;
        body.strategyConfig = strategy;
        return body;
    }

    /** Sends the plan's writes to the latest version of {@code urn}. */
    void apply(FunctionUrn urn, FunctionSpec f, ObjectNode current, Plan plan, List<String> changes)
            throws FunctionGraphException {
        if (plan.isEmpty()) {
            reporter.info("Scaling unchanged");
            return;
        }
        Integer max = plan.currentMaxInstances;
        if (plan.maxInstances != null) {
            String what = "maxInstances " + Plan.show(plan.currentMaxInstances) + " -> " + plan.maxInstances;
            reporter.info("Updating " + what + (plan.maxInstances == 0 ? " (the function is disabled)" : ""));
            fg.updateMaxInstances(urn.latest(), maxInstanceRequest(plan.maxInstances));
            changes.add(what);
            max = plan.maxInstances;
        }
        if (plan.concurrencyPerInstance != null) {
            String what = "concurrencyPerInstance " + Plan.show(plan.currentConcurrencyPerInstance) + " -> "
                    + plan.concurrencyPerInstance;
            reporter.info("Updating " + what);
            fg.updateConfig(urn.latest(), concurrencyRequest(current, f, max, plan.concurrencyPerInstance));
            changes.add(what);
        }
    }
}
