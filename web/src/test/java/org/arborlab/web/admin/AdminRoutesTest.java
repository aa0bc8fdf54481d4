package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    @Test
    void adminPathsAreSplitWithOrWithoutATrailingSlashAndOthersAreLeftAlone() {
        assertArrayEquals(new String[] {""}, AdminRoutes.split(""));
        assertArrayEquals(new String[] {""}, AdminRoutes.split("/"));
        assertArrayEquals(new String[] {"sessions"}, AdminRoutes.split("/sessions"));
        assertArrayEquals(new String[] {"sessions"}, AdminRoutes.split("/sessions/"));
        assertArrayEquals(new String[] {"SessionMonitor", "abc12345"}, AdminRoutes.split("/SessionMonitor/abc12345/"));
        assertArrayEquals(new String[] {"demo", "trust"}, AdminRoutes.split("/demo/trust"));
        assertArrayEquals(new String[] {"room_with_session", "econ101"}, AdminRoutes.split("/room_with_session/econ101"));
        assertNull(AdminRoutes.split("/api/sessions"));
        assertNull(AdminRoutes.split("/p/abc/trust/Send/2"));
        assertNull(AdminRoutes.split("/room/econ101"));
        assertNull(AdminRoutes.split("/live/room/econ101/0"));
        assertNull(AdminRoutes.split("/export"));
        assertEquals(3, AdminRoutes.split("/SessionData/abc/extra").length, "a 404, not another page");
    }

    @Test
    void onlyThisFiltersOwnViewsAreHiddenFromDirectRequests() {
        assertEquals(true, AdminRoutes.isOwnView("/admin/session_monitor.xhtml"));
        assertEquals(true, AdminRoutes.isOwnView("/admin/demo.xhtml"));
        assertEquals(true, AdminRoutes.isOwnView("/admin/not_found.xhtml"));
        assertEquals(false, AdminRoutes.isOwnView("/admin/api_tokens.xhtml"), "posted back to by its own form");
        assertEquals(false, AdminRoutes.isOwnView("/admin/export.xhtml"));
        assertEquals(false, AdminRoutes.isOwnView("/admin/live/monitor/abc"));
        assertEquals(false, AdminRoutes.isOwnView("/static/arbor-admin.css"));
    }
}
