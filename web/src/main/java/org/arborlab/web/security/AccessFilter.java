package org.arborlab.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.web.security.AccessRules.Need;

/**
 * Enforces {@link AccessRules} on every request (declared first in web.xml, so it runs before Faces, the
 * servlets and the WebSocket upgrade), and checks the CSRF token of non-Faces admin form posts. The user was
 * established before by {@link ArborAuthenticationMechanism}.
 */
public class AccessFilter extends HttpFilter {

    @Inject
    ServerEnvironment environment;

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
        if (Csrf.needsToken(request, AccessRules.rule(path)) && !Csrf.valid(request)) {
            Pages.error(response, 403, "CSRF verification failed",
                    "This form was not sent from an Arbor page of your current login (or it is too old). "
                            + "Go back, reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
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
            String target = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?next=" + Pages.urlEncode(target));
        } else {
            Pages.error(response, 403, "Login required", "Log in at /login first.");
        }
    }
}
