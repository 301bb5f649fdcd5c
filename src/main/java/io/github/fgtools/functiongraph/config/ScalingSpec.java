package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

/**
 * The function's scaling settings from the POM: {@code maxInstances} ({@code strategy_config.concurrency}, -1 for no
 * limit up to 1000; 0 disables the function and needs {@code allowDisable}) and {@code concurrencyPerInstance}
 * ({@code strategy_config.concurrent_num}, 1–1000). Null: left as the function has it.
 */
public final class ScalingSpec {
    public static final int MAX = 1000;

    public final Integer maxInstances;
    public final Integer concurrencyPerInstance;

    private ScalingSpec(Integer maxInstances, Integer concurrencyPerInstance) {
        this.maxInstances = maxInstances;
        this.concurrencyPerInstance = concurrencyPerInstance;
    }

    /** Validated into {@code problems}, all at once; null when a value is out of range. */
    static ScalingSpec of(Integer maxInstances, Integer concurrencyPerInstance, boolean allowDisable,
            Problems problems) {
        int before = problems.count();
        if (maxInstances != null) {
            if (maxInstances < -1 || maxInstances > MAX) {
                problems.add(Setting.MAX_INSTANCES, maxInstances, "-1 (no limit) to " + MAX
                        + " instances (0 disables the function)");
            } else if (maxInstances == 0 && !allowDisable) {
                problems.add(Setting.MAX_INSTANCES, maxInstances, "0 disables the function: no request is served "
                        + "until it is raised again. If that is what you want, set " + Setting.ALLOW_DISABLE
                        + " = true; else use -1 (no limit) or 1 to " + MAX);
            }
        }
        if (concurrencyPerInstance != null && (concurrencyPerInstance < 1 || concurrencyPerInstance > MAX)) {
            problems.add(Setting.CONCURRENCY_PER_INSTANCE, concurrencyPerInstance, "1 to " + MAX
                    + " requests per instance");
        }
        return problems.count() > before ? null : new ScalingSpec(maxInstances, concurrencyPerInstance);
    }

    public boolean isEmpty() {
        return maxInstances == null && concurrencyPerInstance == null;
    }
}
