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
 * CSRF tokens: every state-changing admin request carries the login's token, in a hidden form field named
 * {@code csrftoken} (oTree's name; {@code /WEB-INF/admin/form-token.xhtml} writes it) or in header
 * {@code X-CSRF-Token} for scripts. Faces postbacks are no exception: the admin views are transient (stateless),
 * so their view state proves nothing.
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
     * Every request that may change something (any method but GET, HEAD, OPTIONS, TRACE) to one of Arbor's own
     * admin paths (a row of {@link AccessRules#TABLE} or an admin view) needs the token, whatever its content
     * type: a JSON body is no proof of a script (a browser extension or a lax proxy may let it through).
     * Elsewhere (paths Arbor does not list, such as a test runner's) a post needs it when another site could
     * make a browser send it: a form, multipart or text body, or none. Participants' pages and the REST API (key
     * or token in a header) need none; the login form checks its own.
     */
    static boolean needsToken(HttpServletRequest request, AccessRules.Rule rule) {
        if (SAFE_METHODS.contains(request.getMethod()) || rule.always()) {
            return false;
        }
        if (rule != AccessRules.DEFAULT) {
            return true;
        }
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data") || type.startsWith("text/plain");
    }

    /** A login starts with a new token: one seen before the login (e.g. planted by someone else) is void. */
    static void rotate(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
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
