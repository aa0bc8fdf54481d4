package org.arborlab.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF tokens for admin forms that are not Faces postbacks (Faces postbacks carry the server-side view state,
 * a random id bound to the HTTP session, which protects them). A form adds a hidden field named
 * {@code csrftoken} (oTree's name) with {@code #{csrf.token}}; scripts may send header {@code X-CSRF-Token}.
 */
@Named("csrf")
@RequestScoped
public class Csrf {
    public static final String FIELD = "csrftoken";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "arbor.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    HttpServletRequest request;

    /** For pages: the current login's token (created with the HTTP session if needed). */
    public String getToken() {
        return token(request);
    }

    public String getField() {
        return FIELD;
    }

    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session.getId().intern()) {
            Object token = session.getAttribute(SESSION_KEY);
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(SESSION_KEY, token);
            }
            return token.toString();
        }
    }

    /**
     * State-changing requests to admin paths need a token, unless they are Faces postbacks. Participants' pages
     * and the REST API (key or token in a header, no cookies) do not; the login form checks its own.
     */
    static boolean needsToken(HttpServletRequest request, AccessRules.Rule rule) {
        if (SAFE_METHODS.contains(request.getMethod()) || rule.always()) {
            return false;
        }
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        if (form && request.getParameter("jakarta.faces.ViewState") != null) {
            return false;
        }
        // Only what another site's page can send with the admin's cookies without a CORS preflight (a form, a
        // no-cors fetch) needs the token; Arbor allows no cross-origin preflight, so e.g. application/json or
        // application/octet-stream posts (test harnesses, scripts with a header token) cannot be forged.
        return contentType == null || form || contentType.startsWith("multipart/form-data")
                || contentType.startsWith("text/plain");
    }

    /** Constant-time comparison with the session's token; no session means no token. */
    static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_KEY);
        if (expected == null) {
            return false;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            String contentType = request.getContentType();
            if (contentType != null && (contentType.startsWith("application/x-www-form-urlencoded")
                    || contentType.startsWith("multipart/form-data"))) {
                presented = request.getParameter(FIELD);
            }
        }
        return presented != null && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
