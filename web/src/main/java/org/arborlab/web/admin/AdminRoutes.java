package org.arborlab.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.admin.RoomRow;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.engine.features.DemoService;
import org.arborlab.entity.Session;

/**
 * The admin pages at oTree's URLs ({@code /demo}, {@code /sessions}, {@code /SessionMonitor/<code>}, ...): each
 * is forwarded to its Faces view under {@code /admin/}, the browser keeps the clean URL. The session or room of
 * the URL is checked here, so an unknown one gives a 404 page. The views themselves are not served directly.
 */
@WebFilter(urlPatterns = "/*")
public class AdminRoutes extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AdminRoutes.class.getName());

    static final String CODE = "arbor.admin.code";
    static final String ROOM = "arbor.admin.room";
    static final String PATH = "arbor.admin.path";
    static final String MESSAGE = "arbor.admin.message";
    static final String DEMO_CONFIG = "arbor.admin.demo-config";

    /** Pages without a parameter. */
    private static final Map<String, String> PAGES = Map.of(
            "", "demo", "demo", "demo", "sessions", "sessions", "create_session", "create_session",
            "rooms", "rooms", "server_check", "server_check");

    /** Session tabs: {@code /<Tab>/<session code>}. */
    private static final Map<String, String> TABS = Map.of(
            "SessionStartLinks", "session_links", "SessionMonitor", "session_monitor",
            "SessionData", "session_data", "SessionPayments", "session_payments", "AdminReport", "admin_report",
            "SessionDescription", "session_description", "SessionEditProperties", "session_edit",
            "SessionSplitScreen", "session_split_screen");

    @Inject
    SessionAdminService sessions;

    @Inject
    DemoService demo;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isOwnView(path)) {
            notFound(request, response, "This page does not exist.");
            return;
        }
        String[] parts = split(path);
        if (parts == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            route(request, response, chain, parts);
        } catch (RuntimeException | ServletException e) {
            NotFoundException notFound = cause(e, NotFoundException.class);
            if (response.isCommitted()) {
                LOG.log(Level.SEVERE, "Admin request " + request.getRequestURI() + " failed after the answer began", e);
            } else if (notFound != null) {
                response.reset();
                notFound(request, response, notFound.getMessage());
            } else {
                LOG.log(Level.SEVERE, "Admin request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed", e);
                response.reset();
                forward(request, response, 500, "error");
            }
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String[] parts)
            throws IOException, ServletException {
        String first = parts[0];
        if (parts.length == 1 && PAGES.containsKey(first)) {
            forward(request, response, 200, PAGES.get(first));
        } else if (parts.length == 2 && first.equals("demo")) {
            demoSession(request, response, parts[1]);
        } else if (parts.length == 2 && TABS.containsKey(first)) {
            if (!sessions.exists(parts[1])) {
                notFound(request, response, "There is no session with the code " + parts[1] + ".");
                return;
            }
            request.setAttribute(CODE, parts[1]);
            forward(request, response, 200, TABS.get(first));
        } else if (parts.length == 2 && (first.equals("room_without_session") || first.equals("room_with_session"))) {
            RoomRow room = sessions.room(parts[1]);
            boolean wantsSession = first.equals("room_with_session");
            if (room.hasSession() != wantsSession) {
                redirect(request, response, "/" + (room.hasSession() ? "room_with_session/" : "room_without_session/")
                        + room.name());
                return;
            }
            request.setAttribute(ROOM, room.name());
            forward(request, response, 200, "room");
        } else if (PAGES.containsKey(first) || TABS.containsKey(first) || first.startsWith("room_with")) {
            notFound(request, response, "This page does not exist.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * {@code /demo/<config>}: GET shows the demo page with this config's "Create a demo session" button and its
     * demo sessions so far (oTree creates one on every GET, so a reload, a prefetch or a link checker made
     * sessions); POST (the button, with the CSRF token) creates one and shows its links.
     */
    private void demoSession(HttpServletRequest request, HttpServletResponse response, String config)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            if (!demo.configExists(config)) {
                notFound(request, response, "Session config \"" + config + "\" does not exist.");
                return;
            }
            request.setAttribute(DEMO_CONFIG, config);
            forward(request, response, 200, "demo");
            return;
        }
        Session session;
        try {
            session = demo.createDemoSession(config);
        } catch (NotFoundException e) {
            notFound(request, response, "Session config \"" + config + "\" does not exist.");
            return;
        }
        redirect(request, response, "/SessionStartLinks/" + session.getCode().value());
    }

    /**
     * Whether the path is one of the views this filter forwards to, reached directly (without its session code
     * or room it could not work). Other views under /admin/ (export, audit, API tokens) have their own servlets.
     */
    static boolean isOwnView(String path) {
        if (!path.startsWith("/admin/") || !path.endsWith(".xhtml")) {
            return false;
        }
        String view = path.substring("/admin/".length(), path.length() - ".xhtml".length());
        return PAGES.containsValue(view) || TABS.containsValue(view) || view.equals("room")
                || view.equals("not_found") || view.equals("error");
    }

    /**
     * The path's segments if it is an admin page ({@code /}, {@code /sessions}, {@code /SessionMonitor/abc},
     * with or without a trailing slash), else null.
     */
    static String[] split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return new String[] {""};
        }
        String trimmed = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
        String[] parts = trimmed.split("/", -1);
        String first = parts[0];
        boolean admin = PAGES.containsKey(first) || TABS.containsKey(first) || first.equals("room_without_session")
                || first.equals("room_with_session");
        return admin && !first.isEmpty() ? parts : null;
    }

    private static void forward(HttpServletRequest request, HttpServletResponse response, int status, String view)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.setAttribute(PATH, path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1)
                : path.isEmpty() ? "/" : path);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/admin/" + view + ".xhtml").forward(request, response);
    }

    static void notFound(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException, ServletException {
        request.setAttribute(MESSAGE, message);
        forward(request, response, 404, "not_found");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }
}
