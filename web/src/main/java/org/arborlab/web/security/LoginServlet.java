package org.arborlab.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.settings.SettingsService;

/**
 * /login (oTree's form: user ADMIN_USERNAME (default admin), password OTREE_ADMIN_PASSWORD; "Login failed"; warnings when the password
 * is undefined), the single sign-on button and its return (/login/sso, /login/callback, both passed through
 * {@link ArborAuthenticationMechanism} first), and /logout (a POST with the CSRF token; GET asks first).
 * Success goes back to the page that asked for the login, or to /demo.
 */
@WebServlet(urlPatterns = {"/login", "/login/sso", "/login/callback", "/login/expired", "/login/error", "/logout"},
        asyncSupported = true)
public class LoginServlet extends HttpServlet {
    static final String SSO_ERROR = "arbor.sso-error";
    static final String SSO_USER = "arbor.sso-user";
    private static final String NEXT = "arbor.login-next";
    /** Where web.xml sends a Faces form whose view state is unknown: expired, or forged (CSRF). */
    private static final String EXPIRED = "/login/expired";
    /** Where web.xml sends any uncaught exception. */
    private static final String ERROR = "/login/error";
    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    @Inject
    ServerEnvironment environment;

    @Inject
    SettingsService settings;

    @Inject
    LoginThrottle throttle;

    @Inject
    SingleSignOn sso;

    @Inject
    LoginEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (AccessFilter.path(request)) {
            case "/login" -> loginPage(request, response, 200, null);
            case ArborAuthenticationMechanism.SSO_START -> {
                // reached only when single sign-on is off (otherwise the mechanism redirected to the provider)
                Pages.error(response, 404, "Single sign-on is not configured",
                        "This server has no single sign-on; log in with the password.");
            }
            case ArborAuthenticationMechanism.SSO_CALLBACK -> ssoReturn(request, response);
            case EXPIRED -> expired(response);
            case ERROR -> serverError(request, response);
            default -> logoutPage(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = AccessFilter.path(request);
        if (path.equals(EXPIRED)) {
            expired(response);
            return;
        }
        if (path.equals(ERROR)) {
            serverError(request, response);
            return;
        }
        if (!path.equals("/login") && !path.equals("/logout")) {
            response.sendError(405);
            return;
        }
        if (!Csrf.valid(request)) {
            Pages.error(response, 403, "CSRF verification failed",
                    "This form was not sent from this server's page, or it is too old. Reload the page and try again.");
            return;
        }
        if (path.equals("/logout")) {
            logout(request, response);
        } else {
            login(request, response);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        String address = request.getRemoteAddr();
        Duration wait = throttle.wait(address, user == null ? "" : user);
        if (!wait.isZero()) {
            events.record(user, "login.throttled", "from " + address);
            loginPage(request, response, 429, "Too many failed logins. Try again in "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds.");
            return;
        }
        String adminUsername = settings.settings().project().adminUsername();
        if (!PasswordLogin.matches(adminUsername, environment.adminPassword(), user, password)) {
            throttle.failed(address, user == null ? "" : user);
            events.record(user, "login.failed", "password, from " + address);
            loginPage(request, response, 200, "Login failed");
            return;
        }
        throttle.succeeded(address, user);
        String next = (String) request.getSession().getAttribute(NEXT);
        request.changeSessionId(); // no session fixation across the login
        HttpSession session = request.getSession();
        session.removeAttribute(NEXT);
        Csrf.rotate(session);
        session.setAttribute(SignedIn.SESSION_KEY, new SignedIn(adminUsername,
                Roles.expand(Set.of(Roles.ADMIN)), SignedIn.PASSWORD));
        events.record(adminUsername, "login", "password, from " + address);
        response.sendRedirect(request.getContextPath() + safeNext(next));
    }

    private void ssoReturn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object user = request.getAttribute(SSO_USER);
        if (user != null) {
            HttpSession session = request.getSession();
            String next = (String) session.getAttribute(NEXT);
            session.removeAttribute(NEXT);
            events.record(user.toString(), "login", "single sign-on, from " + request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + safeNext(next));
            return;
        }
        Object error = request.getAttribute(SSO_ERROR);
        events.record(null, "login.failed", "single sign-on, from " + request.getRemoteAddr());
        loginPage(request, response, 403, error == null ? "Single sign-on failed. Please try again." : error.toString());
    }

    /** A clean refusal instead of Faces' ViewExpiredException; nothing was changed. */
    private static void expired(HttpServletResponse response) throws IOException {
        Pages.error(response, 403, "Page expired",
                "This form is too old or was not sent from your current login, so nothing was changed. Go back,"
                        + " reload the page and try again.");
    }

    private static void serverError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object error = request.getAttribute("jakarta.servlet.error.exception");
        if (error == null && request.getAttribute("jakarta.servlet.error.status_code") == null) {
            // opened directly, not as the container's error page: there is no error to report
            Pages.error(response, 404, "Not found", "This page does not exist.");
            return;
        }
        for (Object cause = error; cause instanceof Throwable t; cause = t.getCause() == t ? null : t.getCause()) {
            if (cause instanceof jakarta.faces.application.ViewExpiredException) {
                expired(response); // an unknown view state: expired, or a forged post (CSRF)
                return;
            }
        }
        if (error instanceof Throwable t) {
            LOG.log(java.util.logging.Level.SEVERE, "Uncaught error on " + request.getAttribute(
                    "jakarta.servlet.error.request_uri"), t);
        }
        Pages.error(response, 500, "Server error",
                "Something went wrong on the server; the details are in the server log.");
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object user = session.getAttribute(SignedIn.SESSION_KEY);
            if (user instanceof SignedIn signedIn) {
                events.record(signedIn.name(), "logout", null);
            }
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?logged_out=1");
    }

    private void logoutPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        Pages.send(response, 200, "Log out", "<p>Logged in as <b>" + Pages.escape(request.getUserPrincipal().getName())
                + "</b>.</p><form method=\"post\" action=\"" + request.getContextPath() + "/logout\">"
                + csrfField(request) + "<button type=\"submit\">Log out</button></form>");
    }

    private void loginPage(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        String next = request.getParameter("next");
        if (next != null) {
            request.getSession().setAttribute(NEXT, safeNext(next));
        }
        StringBuilder html = new StringBuilder();
        if (environment.authLevel() == AuthLevel.NONE) {
            html.append("<p class=\"warning\">OTREE_AUTH_LEVEL is not set: every admin page is open without login.</p>");
        }
        if (environment.adminPassword().isEmpty()) {
            html.append("<p class=\"warning\">ADMIN_PASSWORD is undefined (set OTREE_ADMIN_PASSWORD): the password"
                    + " login is off.</p>");
        }
        if (request.getUserPrincipal() != null) {
            html.append("<p>Logged in as <b>").append(Pages.escape(request.getUserPrincipal().getName()))
                    .append("</b>. <a href=\"").append(request.getContextPath()).append("/logout\">Log out</a></p>");
        }
        if (request.getParameter("logged_out") != null && request.getUserPrincipal() == null && error == null) {
            html.append("<p class=\"notice\" id=\"logged-out\" role=\"status\">You have been logged out.</p>");
        }
        if (error != null) {
            html.append("<p class=\"error\" id=\"login-error\" role=\"alert\">").append(Pages.escape(error)).append("</p>");
        }
        String user = request.getParameter("username");
        html.append("<form method=\"post\" action=\"").append(request.getContextPath()).append("/login\">")
                .append(csrfField(request))
                .append("<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\""
                        + " autocomplete=\"username\" value=\"").append(Pages.escape(user == null ? "" : user))
                .append("\" required=\"required\"/>")
                .append("<label for=\"password\">Password</label><input type=\"password\" id=\"password\""
                        + " name=\"password\" autocomplete=\"current-password\" required=\"required\"/>")
                .append("<button type=\"submit\">Log in</button></form>");
        if (sso.isConfigured()) {
            html.append("<p class=\"or\">or</p><a class=\"button secondary\" id=\"sso\" href=\"")
                    .append(request.getContextPath()).append(ArborAuthenticationMechanism.SSO_START).append("\">")
                    .append(Pages.escape(sso.getButtonLabel())).append("</a>");
        }
        Pages.send(response, status, "Login", html.toString());
    }

    private static String csrfField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + Pages.escape(Csrf.token(request)) + "\"/>";
    }

    /**
     * Only a path on this server: never "//host" or "http://...", which would make the login an open redirect.
     * The welcome file's own name ({@code /index.xhtml}, what the container maps "/" to) means the start page.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.equals("/") || next.startsWith("/index.xhtml")
                || next.startsWith("/login") || next.startsWith("/logout") || next.contains("\r") || next.contains("\n")) {
            return "/demo";
        }
        return next;
    }
}
