package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.FunctionGraphException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One invocation failed: the event could not be bound, the handler threw or ran past its timeout, or its result
 * could not be written as JSON. Always a user error: the project's code or event must change.
 */
public final class InvocationException extends FunctionGraphException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The event does not fit the handler's first parameter: HTTP 400 when serving. */
        EVENT(400),
        /** The handler (or its constructor) threw: HTTP 500. */
        THREW(500),
        /** The handler ran past {@code timeout}: HTTP 500. */
        TIMED_OUT(500),
        /** The result could not be written as JSON: HTTP 500. */
        RESULT(500);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final transient Map<String, Object> errorBody;

    InvocationException(Kind kind, String message, Throwable cause, Map<String, Object> errorBody) {
        super(message, true, cause);
        this.kind = kind;
        this.errorBody = errorBody;
    }

    InvocationException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, simpleBody(message));
    }

    private static Map<String, Object> simpleBody(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessage", message);
        return body;
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON body of the HTTP error response when serving. */
    public Map<String, Object> errorBody() {
        return errorBody;
    }
}
