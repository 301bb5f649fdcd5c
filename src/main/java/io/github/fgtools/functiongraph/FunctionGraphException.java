package io.github.fgtools.functiongraph;

import java.util.function.UnaryOperator;

/**
 * The one exception type the core throws. {@link #isUserError()} tells the Mojo whether the user must change
 * something (a Maven failure) or the world failed (a Maven error). Its message names settings by {@link Setting}
 * markers until the build tool's layer calls {@link #render} with its own words.
 */
public class FunctionGraphException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean userError;
    private volatile String rendered;

    public FunctionGraphException(String message) {
        this(message, true, null);
    }

    public FunctionGraphException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    /** True when a change of configuration, credentials or input fixes it; false for I/O, network or 5xx. */
    public boolean isUserError() {
        return userError;
    }

    /**
     * Puts the message, and those of the plugin's exceptions among its causes, into the build tool's words, so that
     * stack traces (Maven's {@code -e}) read as the message does.
     */
    public final void render(UnaryOperator<String> words) {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof FunctionGraphException) {
                FunctionGraphException e = (FunctionGraphException) t;
                e.rendered = words.apply(e.getRawMessage());
            }
        }
    }

    private String getRawMessage() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        String r = rendered;
        return r != null ? r : super.getMessage();
    }
}
