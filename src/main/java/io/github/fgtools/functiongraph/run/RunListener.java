package io.github.fgtools.functiongraph.run;

/**
 * Where the local run reports what happens. The Maven goal maps it to the build log; tests collect it.
 * Nothing passed here ever contains a secret value ({@code encryptedUserData}, credentials).
 */
public interface RunListener {
    /** One line per step, the result, one line per served request. */
    void info(String message);

    void warn(String message);

    /** Details for {@code -X}: class path, which Jackson binds the event, context methods without a local answer. */
    void debug(String message);

    /**
     * A line the handler wrote through {@code context.getLogger()}.
     *
     * @param level the logger method's name in upper case: {@code LOG}, {@code DEBUG}, {@code INFO}, {@code WARN},
     *              {@code ERROR}
     */
    void handlerLog(String level, String message);
}
