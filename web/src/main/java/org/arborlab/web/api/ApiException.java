package org.arborlab.web.api;

/** A request the boundary itself refuses (bad JSON, wrong parameter types, auth): answered as a problem. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    public int status() {
        return status;
    }
}
