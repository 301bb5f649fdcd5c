package io.github.fgtools.functiongraph;

/**
 * How the core reports to whoever runs it; the Maven goals map it to Maven's log. One line a call. Nothing passed here
 * ever holds a secret value (keys, tokens, {@code encrypted_user_data}).
 */
public interface Reporter {
    /** One line per step, the closing summary, upload progress. */
    void info(String message);

    /** Each retry and its cause; things worth saying that do not stop the build. */
    void warn(String message);

    /** A line the user's own code reported as an error (a local run's handler log). */
    void error(String message);

    /** Details for {@code -X}: method, URL, status, timing; never headers' secret values or bodies. */
    void debug(String message);

    /** Reports nothing: for tests and callers that do not listen. */
    Reporter NONE = new Reporter() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
