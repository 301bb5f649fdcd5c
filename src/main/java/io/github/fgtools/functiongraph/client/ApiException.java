package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;

/**
 * A call answered with an error: {@code FunctionGraph 404 FSS.1051: <error_msg> (GET /v2/.../config, request id …)}.
 * A 4xx is the user's to fix; a 5xx (after retries) is the world's.
 */
public final class ApiException extends FunctionGraphException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorCode;
    private final String errorMsg;
    private final String requestId;

    public ApiException(ApiRequest.Service service, int status, String errorCode, String errorMsg, String request,
            String requestId, String hint) {
        super(format(service, status, errorCode, errorMsg, request, requestId, hint), status < 500, null);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
        this.requestId = requestId;
    }

    private static String format(ApiRequest.Service service, int status, String errorCode, String errorMsg,
            String request, String requestId, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append(service.displayName).append(' ').append(status);
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        sb.append(": ").append(errorMsg == null || errorMsg.isEmpty() ? "(no error message)" : errorMsg);
        sb.append(" (").append(request);
        if (requestId != null) {
            sb.append(", request id ").append(requestId);
        }
        sb.append(')');
        if (hint != null) {
            sb.append(System.lineSeparator()).append(hint);
        }
        return sb.toString();
    }

    public int status() {
        return status;
    }

    /** The API's {@code error_code}, e.g. {@code FSS.1051}, or null. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMsg() {
        return errorMsg;
    }

    public String requestId() {
        return requestId;
    }

    public boolean is(int expectedStatus, String code) {
        return status == expectedStatus && (code == null || code.equals(errorCode));
    }
}
