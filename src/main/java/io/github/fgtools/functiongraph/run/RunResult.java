package io.github.fgtools.functiongraph.run;

/** One successful invocation: the result as printed and as JSON, and how long the handler took. */
public final class RunResult {
    private final String requestId;
    private final String text;
    private final String json;
    private final boolean plainText;
    private final long durationMs;

    RunResult(String requestId, String text, String json, boolean plainText, long durationMs) {
        this.requestId = requestId;
        this.text = text;
        this.json = json;
        this.plainText = plainText;
        this.durationMs = durationMs;
    }

    public String requestId() {
        return requestId;
    }

    /** A {@code String} result as is, any other result as JSON ({@code null} for a void handler). */
    public String text() {
        return text;
    }

    /** The result as a JSON value: a {@code String} result as a JSON string. */
    public String json() {
        return json;
    }

    /** True when the handler returned a {@code String}: served as {@code text/plain}, else {@code application/json}. */
    public boolean isPlainText() {
        return plainText;
    }

    /** The handler method's own time, without binding the event or writing the result. */
    public long durationMs() {
        return durationMs;
    }
}
