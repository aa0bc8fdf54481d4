package org.arborlab.web.security;

import java.util.List;
import java.util.Locale;
import org.arborlab.control.AuthLevel;

/**
 * The one access table: which role each path needs at each {@code OTREE_AUTH_LEVEL}. oTree's rules
 * where it has them, stricter where oTree leaks: under STUDY every admin page, export and admin push channel
 * needs a login. Anything not listed needs a login too (default deny), so a new admin page is never open by
 * accident. Paths are relative to the application (servlet path + path info, as the container decoded them).
 */
public final class AccessRules {

    /** Who may open a path; roles nest (admin ⊃ experimenter ⊃ viewer). */
    public enum Need {
        ANYONE, VIEWER, EXPERIMENTER, ADMIN
    }

    /**
     * One row: a path pattern ("/x" exactly, "/x/*" for /x and below), whether the page is public under DEMO,
     * and the role it needs once protected.
     */
    public record Rule(String pattern, boolean publicInDemo, Need role) {

        boolean matches(String path) {
            if (pattern.endsWith("/*")) {
                String base = pattern.substring(0, pattern.length() - 2);
                return path.equals(base) || path.startsWith(base + "/");
            }
            return path.equals(pattern);
        }

        /** Public at every level: participants' pages, static files, the login page. */
        boolean always() {
            return role == Need.ANYONE;
        }
    }

    private static Rule open(String pattern) {
        return new Rule(pattern, true, Need.ANYONE);
    }

    private static Rule demo(String pattern, Need role) {
        return new Rule(pattern, true, role);
    }

    private static Rule login(String pattern, Need role) {
        return new Rule(pattern, false, role);
    }

    /** First match wins. */
    public static final List<Rule> TABLE = List.of(
            // participants, at every level (oTree: always public)
            open("/p/*"), open("/InitializeParticipant/*"), open("/join/*"), open("/room/*"),
            open("/OutOfRangeNotification/*"),
            // participants' push channels (wait pages, room waiting); other /live kinds are admin channels
            open("/live/wait/*"), open("/live/room/*"), open("/live/chat/*"),
            open("/live/channel/*"),
            open("/live/page/*"), // live pages' channels (liveSend, liveRecv)
            // a participant's chat with the experimenter (the participant code in the URL is the key)
            open("/chat/p/*"),
            // participants' chat channels (<arbor:chat/>): the ticket signed into the page is the key
            open("/chat/channel"),
            open("/login"), open("/login/*"), open("/logout"),
            // static files and Faces resources (CSS, JS); the REST API has its own key check (RestKeyFilter)
            open("/play/*"), open("/static/*"), open("/jakarta.faces.resource/*"), open("/favicon.ico"),
            open("/api"), open("/api/*"), open("/api-docs.html"), open("/webjars/*"), open("/openapi"),
            open("/openapi/*"), open("/health"), open("/health/*"),
            // oTree's DEMO-public admin pages; viewing needs viewer, acting needs experimenter
            demo("/", Need.VIEWER), demo("/index.xhtml", Need.VIEWER), demo("/demo", Need.VIEWER),
            demo("/demo/*", Need.EXPERIMENTER),
            demo("/SessionStartLinks/*", Need.VIEWER), demo("/SessionMonitor/*", Need.VIEWER),
            demo("/SessionData/*", Need.VIEWER), demo("/session_data/*", Need.VIEWER),
            demo("/SessionPayments/*", Need.VIEWER), demo("/SessionDescription/*", Need.VIEWER),
            demo("/SessionSplitScreen/*", Need.VIEWER), demo("/AdminReport/*", Need.VIEWER),
            demo("/AdvanceSession/*", Need.EXPERIMENTER),
            // admin push channels (AdminLiveEndpoint): like the pages they serve; never open under STUDY
            demo("/admin/live/monitor/*", Need.VIEWER), login("/admin/live/room/*", Need.VIEWER),
            login("/admin/live/*", Need.VIEWER),
            demo("/live/*", Need.VIEWER), demo("/jakarta.faces.push/*", Need.VIEWER),
            // login required under DEMO too (oTree), plus the exports oTree leaves open
            login("/sessions", Need.VIEWER), login("/rooms", Need.VIEWER),
            login("/room_without_session/*", Need.VIEWER), login("/room_with_session/*", Need.VIEWER),
            login("/server_check", Need.VIEWER), login("/export", Need.VIEWER), login("/export/*", Need.VIEWER),
            login("/ExportPageTimes", Need.VIEWER), login("/ExportPageTimes/*", Need.VIEWER),
            login("/ExportSessionWide/*", Need.VIEWER), login("/chat_export", Need.VIEWER),
            login("/chat/session/*", Need.VIEWER),
            login("/create_session", Need.EXPERIMENTER), login("/SessionEditProperties/*", Need.EXPERIMENTER),
            login("/ToggleArchivedSessions", Need.EXPERIMENTER), login("/CloseRoom/*", Need.EXPERIMENTER),
            login("/audit", Need.ADMIN), login("/api_tokens", Need.ADMIN), login("/api_tokens/*", Need.ADMIN));

    /** Anything else: a login, as a viewer, under DEMO and STUDY. */
    static final Rule DEFAULT = login("/**", Need.VIEWER);

    private AccessRules() {
    }

    /** What the path needs at this auth level. */
    public static Need need(AuthLevel level, String path) {
        Rule rule = rule(path);
        if (rule.always() || level == AuthLevel.NONE || (level == AuthLevel.DEMO && rule.publicInDemo())) {
            return Need.ANYONE;
        }
        return rule.role();
    }

    /**
     * The rule for a path. Faces views of the admin pages live under /admin/ (e.g. /admin/SessionMonitor.xhtml
     * behind the clean URL /SessionMonitor/{code}); reached directly they get the rule of their clean URL, so
     * the direct path is never more open.
     */
    public static Rule rule(String path) {
        String normalized = path == null || path.isEmpty() ? "/" : path;
        for (Rule rule : TABLE) {
            if (rule.matches(normalized)) {
                return rule;
            }
        }
        if (normalized.startsWith("/admin/")) {
            return viewRule(normalized.substring("/admin/".length()));
        }
        return DEFAULT;
    }

    /** "SessionMonitor.xhtml", "session_monitor.xhtml", "sessionmonitor/index.xhtml" → the /SessionMonitor rule. */
    private static Rule viewRule(String view) {
        String name = squash(view.replaceFirst("\\.xhtml$", "").replaceFirst("/index$", ""));
        name = VIEW_ALIASES.getOrDefault(name, name);
        if (name.contains("/")) {
            return DEFAULT;
        }
        for (Rule rule : TABLE) {
            if (!rule.always() && !rule.pattern().equals("/")) {
                String base = rule.pattern().replaceFirst("/\\*$", "").substring(1);
                if (!base.contains("/") && squash(base).equals(name)) {
                    return rule;
                }
            }
        }
        return DEFAULT;
    }

    /** Views whose names differ from their clean URL (AdminRoutes' table). */
    private static final java.util.Map<String, String> VIEW_ALIASES = java.util.Map.of(
            "sessionlinks", "sessionstartlinks", "sessionedit", "sessioneditproperties",
            "room", "roomwithsession", "notfound", "demo", "error", "demo");

    private static String squash(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
