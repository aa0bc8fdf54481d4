package org.arborlab.web.security;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.access.Caller;
import org.arborlab.control.access.Role;
import org.arborlab.web.security.AccessRules.Need;

/**
 * Enforces {@link AccessRules} on every request (declared first in web.xml, so it runs before Faces, the
 * servlets and the WebSocket upgrade), and checks the CSRF token of non-Faces admin form posts. The user was
 * established before by {@link ArborAuthenticationMechanism}.
 */
public class AccessFilter extends HttpFilter {

    @Inject
    ServerEnvironment environment;

    @Inject
    Instance<Caller> caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = path(request);
        AuthLevel level = environment.authLevel();
        Need need = AccessRules.need(level, path);
        if (need != Need.ANYONE) {
            if (request.getUserPrincipal() == null) {
                refuseAnonymous(request, response);
                return;
            }
            if (!Roles.has(request, need)) {
                Pages.error(response, 403, "Not allowed",
                        "Your account (" + request.getUserPrincipal().getName() + ") may not open this page: it needs the role "
                                + need.name().toLowerCase() + ".");
                return;
            }
        }
        grant(request, level, path);
        if (Csrf.needsToken(request, AccessRules.rule(path)) && !Csrf.valid(request)) {
            Pages.error(response, 403, "CSRF verification failed",
                    "This form was not sent from an Arbor page of your current login (or it is too old). "
                            + "Go back, reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Tells the services ({@link Caller}) which roles this request's caller has: every role when nothing is
     * protected (no OTREE_AUTH_LEVEL), the login's roles, or, for an anonymous visitor of a page oTree opens
     * under DEMO, that page's own role. The services refuse actions beyond them whatever a page forgets.
     */
    private void grant(HttpServletRequest request, AuthLevel level, String path) {
        Caller current = caller.get();
        if (level == AuthLevel.NONE) {
            current.grant(request.getUserPrincipal() == null ? "anyone (no OTREE_AUTH_LEVEL)"
                    : request.getUserPrincipal().getName(), Role.ADMIN);
            return;
        }
        if (request.getUserPrincipal() != null) {
            String name = request.getUserPrincipal().getName();
            for (Role role : Role.values()) {
                if (request.isUserInRole(role.text())) {
                    current.grant(name, role);
                }
            }
        }
        // what a DEMO page lets anyone do, it lets a logged-in viewer do too
        AccessRules.Rule rule = AccessRules.rule(path);
        if (level == AuthLevel.DEMO && rule.publicInDemo() && !rule.always()) {
            current.grant(request.getUserPrincipal() != null ? request.getUserPrincipal().getName()
                    : "anyone (DEMO page " + path + ")", Role.valueOf(rule.role().name()));
        }
    }

    /** The path inside the application, as the container decoded and normalised it. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    /** Pages a browser opens go to the login page (oTree: 302); anything else (posts, push channels) gets 403. */
    private static void refuseAnonymous(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // (clients may ask to upgrade to HTTP/2 with "Upgrade: h2c"; only a WebSocket handshake is not a page)
        boolean page = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (page) {
            // the address the person typed: for "/" the container has already mapped the welcome file
            // (servlet path /index.xhtml), a page that exists only as that mapping
            String target = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?next=" + Pages.urlEncode(target));
        } else {
            Pages.error(response, 403, "Login required", "Log in at /login first.");
        }
    }
}
