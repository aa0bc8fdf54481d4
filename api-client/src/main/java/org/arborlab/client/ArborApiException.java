package org.arborlab.client;

import java.net.URI;

/**
 * The server answered with an error status. Carries the server's problem details (RFC 9457) or, for servers
 * that answer in plain text (oTree), the raw text as {@link #detail()}.
 * Subclasses exist for the cases callers usually branch on; every other status (400, 405, 413, 415, ...)
 * is this class itself.
 */
public class ArborApiException extends ArborException {
    private final String method;
    private final URI uri;
    private final Problem problem;

    public ArborApiException(String method, URI uri, Problem problem) {
        super(problem.summary() + " (" + method + " " + uri.getPath() + ")");
        this.method = method;
        this.uri = uri;
        this.problem = problem;
    }

    /** The right subclass for the status of the problem. */
    public static ArborApiException of(String method, URI uri, Problem problem) {
        int status = problem.status();
        if (status == 401 || status == 403) {
            return new ArborAuthException(method, uri, problem);
        }
        if (status == 404) {
            return new ArborNotFoundException(method, uri, problem);
        }
        if (status >= 500) {
            return new ArborServerException(method, uri, problem);
        }
        return new ArborApiException(method, uri, problem);
    }

    public int status() {
        return problem.status();
    }

    public String title() {
        return problem.title();
    }

    /** The server's exact message, e.g. {@code Session config "nope" not found in settings.SESSION_CONFIGS.} */
    public String detail() {
        return problem.detail();
    }

    public Problem problem() {
        return problem;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public boolean isClientError() {
        return status() >= 400 && status() < 500;
    }

    public boolean isServerError() {
        return status() >= 500;
    }
}
