package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

/**
 * Reserved instances from the POM: {@code reservedInstances} (the API's {@code count}, 0–1000) and
 * {@code reservedIdleMode} ({@code idle_mode}), on the alias when {@code alias} is set, else on {@code latest}.
 */
public final class ReservedSpec {
    public static final int MAX = 1000;

    public final Integer count;
    public final Boolean idleMode;
    /** {@code latest}, or the alias name. */
    public final String qualifier;

    private ReservedSpec(Integer count, Boolean idleMode, String qualifier) {
        this.count = count;
        this.idleMode = idleMode;
        this.qualifier = qualifier;
    }

    static ReservedSpec of(Integer count, Boolean idleMode, String alias, Integer maxInstances, Problems problems) {
        if (count != null && (count < 0 || count > MAX)) {
            problems.add(Setting.RESERVED_INSTANCES, count, "0 to " + MAX + " instances kept warm");
        } else if (count != null && maxInstances != null && maxInstances >= 0 && count > maxInstances) {
            problems.add(Setting.RESERVED_INSTANCES, count, "at most " + Setting.MAX_INSTANCES + " (" + maxInstances
                    + ")");
        }
        if (idleMode != null && count == null) {
            problems.add(Setting.RESERVED_IDLE_MODE, idleMode, "needs " + Setting.RESERVED_INSTANCES
                    + ": the API sets both together");
        }
        return new ReservedSpec(count, idleMode, alias != null ? alias : "latest");
    }

    public boolean isEmpty() {
        return count == null;
    }
}
