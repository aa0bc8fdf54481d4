package org.arborlab.web.security;

import static org.arborlab.control.AuthLevel.DEMO;
import static org.arborlab.control.AuthLevel.NONE;
import static org.arborlab.control.AuthLevel.STUDY;
import static org.arborlab.web.security.AccessRules.Need.ADMIN;
import static org.arborlab.web.security.AccessRules.Need.ANYONE;
import static org.arborlab.web.security.AccessRules.Need.EXPERIMENTER;
import static org.arborlab.web.security.AccessRules.Need.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.arborlab.control.AuthLevel;
import org.arborlab.web.security.AccessRules.Need;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access table, level by level: oTree's rules for oTree's pages, stricter for exports and push channels. */
class AccessRulesTest {

    /** Public at every level: participants, their push channels, the login page, static files, the REST API. */
    @ParameterizedTest
    @ValueSource(strings = {"/p/abc123/trust/Send/3", "/InitializeParticipant/abc", "/join/tiwoha",
            "/room/econ101", "/OutOfRangeNotification/abc", "/live/wait/abc123/4", "/live/room/econ101/0", "/live/chat/abc12345/0", "/live/page/abc12345/3", "/chat/p/abc12345",
            "/live/channel/0123456789abcdef0123456789abcdef/0", "/chat/channel", "/login",
            "/login/sso", "/login/callback", "/logout", "/play/arbor.css", "/static/arbor-admin.css", "/jakarta.faces.resource/x.css",
            "/api/sessions", "/api/sessions/abc/export", "/api", "/health/ready", "/favicon.ico"})
    void publicEverywhere(String path) {
        for (AuthLevel level : AuthLevel.values()) {
            assertEquals(ANYONE, AccessRules.need(level, path), level + " " + path);
        }
    }

    /** oTree: under DEMO these are public; under STUDY they need a login. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/demo", "/demo/trust", "/SessionStartLinks/abc", "/SessionMonitor/abc",
            "/SessionData/abc", "/session_data/abc", "/SessionPayments/abc", "/SessionDescription/abc",
            "/AdminReport/abc", "/AdvanceSession/abc", "/SessionSplitScreen/abc", "/live/monitor/abc/0",
            "/jakarta.faces.push/monitor"})
    void publicInDemoOnly(String path) {
        assertEquals(ANYONE, AccessRules.need(NONE, path));
        assertEquals(ANYONE, AccessRules.need(DEMO, path));
        assertNotEquals(ANYONE, AccessRules.need(STUDY, path));
    }

    /** oTree: login required under DEMO and STUDY; plus the exports oTree leaves open, and Arbor's own pages. */
    @ParameterizedTest
    @ValueSource(strings = {"/sessions", "/rooms", "/room_without_session/econ101", "/room_with_session/econ101",
            "/CloseRoom/econ101", "/server_check", "/export", "/create_session", "/SessionEditProperties/abc",
            "/ToggleArchivedSessions", "/ExportPageTimes", "/ExportSessionWide/abc", "/chat_export", "/audit",
            "/chat/session/abc/def",
            "/api_tokens", "/anything-not-listed", "/admin/unknown.xhtml"})
    void loginUnderDemoAndStudy(String path) {
        assertEquals(ANYONE, AccessRules.need(NONE, path));
        assertNotEquals(ANYONE, AccessRules.need(DEMO, path));
        assertNotEquals(ANYONE, AccessRules.need(STUDY, path));
    }

    @Test
    void rolesOnceProtected() {
        for (String path : List.of("/sessions", "/SessionMonitor/abc", "/SessionData/abc", "/export", "/rooms",
                "/demo", "/SessionPayments/abc", "/chat/session/abc/def", "/chat_export")) {
            assertEquals(VIEWER, AccessRules.need(STUDY, path), path);
        }
        for (String path : List.of("/create_session", "/demo/trust", "/SessionEditProperties/abc",
                "/AdvanceSession/abc", "/ToggleArchivedSessions", "/CloseRoom/econ101")) {
            assertEquals(EXPERIMENTER, AccessRules.need(STUDY, path), path);
        }
        for (String path : List.of("/audit", "/api_tokens")) {
            assertEquals(ADMIN, AccessRules.need(STUDY, path), path);
            assertEquals(ADMIN, AccessRules.need(DEMO, path), path);
        }
    }

    /** The Faces views behind the clean URLs are never more open than their clean URL. */
    @Test
    void adminViewsFollowTheirCleanUrl() {
        assertEquals(ANYONE, AccessRules.need(DEMO, "/admin/SessionMonitor.xhtml"));
        assertEquals(VIEWER, AccessRules.need(STUDY, "/admin/SessionMonitor.xhtml"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/admin/sessions.xhtml"));
        assertEquals(EXPERIMENTER, AccessRules.need(DEMO, "/admin/create-session.xhtml"));
        assertEquals(ADMIN, AccessRules.need(DEMO, "/admin/audit.xhtml"));
        assertEquals(ADMIN, AccessRules.need(STUDY, "/admin/api_tokens.xhtml"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/admin/templates/layout.xhtml"));
        assertEquals(ANYONE, AccessRules.need(DEMO, "/admin/session_links.xhtml"));
        assertEquals(EXPERIMENTER, AccessRules.need(DEMO, "/admin/session_edit.xhtml"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/admin/room.xhtml"));
    }

    /** AdminLiveEndpoint's channels: the monitor's is public under DEMO like the monitor, rooms' need a login. */
    @Test
    void adminPushChannels() {
        assertEquals(ANYONE, AccessRules.need(NONE, "/admin/live/room/econ101"));
        assertEquals(ANYONE, AccessRules.need(DEMO, "/admin/live/monitor/abc"));
        assertEquals(VIEWER, AccessRules.need(STUDY, "/admin/live/monitor/abc"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/admin/live/room/econ101"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/admin/live/other/x"));
    }

    /** Look-alike paths do not borrow a public rule. */
    @Test
    void prefixesMatchWholeSegments() {
        assertEquals(VIEWER, AccessRules.need(STUDY, "/pages"));
        assertEquals(VIEWER, AccessRules.need(STUDY, "/loginx"));
        assertEquals(VIEWER, AccessRules.need(STUDY, "/live/monitor/abc/0"));
        assertEquals(VIEWER, AccessRules.need(STUDY, "/roomy"));
        assertEquals(VIEWER, AccessRules.need(DEMO, "/sessions/"));
    }

    @Test
    void everyRowIsReachable() {
        for (AccessRules.Rule rule : AccessRules.TABLE) {
            String path = rule.pattern().replace("/*", "/x");
            Need expected = rule.always() ? ANYONE : rule.role();
            assertEquals(rule, AccessRules.rule(path), path);
            assertEquals(expected, AccessRules.need(STUDY, path), path);
        }
    }
}
