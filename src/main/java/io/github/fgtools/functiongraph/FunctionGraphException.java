package io.github.fgtools.functiongraph;

/**
 * The one exception type the core throws. {@link #isUserError()} tells the Mojo whether the user must change
 * something (a Maven failure) or the world failed (a Maven error).
 */
public class FunctionGraphException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean userError;

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
}
