package org.arborlab.control.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.database.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports of a chosen set of sessions read the id ranges that hold them and skip other sessions' rows, also
 * when two sessions' ids interleave (sessions created at the same moment on two instances).
 */
class SessionScopeTest {
    private static JdbcDataSource db;
    private static final AppColumns APP = new AppColumns("a", List.of(), List.of(), List.of());

    @BeforeAll
    static void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:scopes;DB_CLOSE_DELAY=-1");
        SchemaMigrator.configure(db, SessionScopeTest.class.getClassLoader()).load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int session = 1; session <= 3; session++) {
                s.execute("insert into arbor_session values (" + session + ", 'sess000" + session + "', 'anon000"
                        + session + "', 'c', '{\"name\":\"c\",\"app_sequence\":[\"a\"]}', '', '', 0, false, false, 2,"
                        + " '{}')");
                s.execute("insert into arbor_subsession (id, session_id, app_name, round_number, fields) values ("
                        + (10 + session) + ", " + session + ", 'a', 1, '{}')");
                s.execute("insert into arbor_group (id, session_id, subsession_id, id_in_subsession, fields) values ("
                        + (20 + session) + ", " + session + ", " + (10 + session) + ", 1, '{}')");
            }
            // sessions 1 and 2 interleave (ids 100-103), session 3 comes much later (200, 201)
            long[][] participants = {{100, 1}, {101, 2}, {102, 1}, {103, 2}, {200, 3}, {201, 3}};
            int[] next = new int[4];
            for (long[] p : participants) {
                int session = (int) p[1];
                int inSession = ++next[session];
                s.execute("insert into arbor_participant (id, session_id, code, id_in_session, label, visited,"
                        + " arrived_epoch_ms, index_in_pages, max_page_index, current_app_name, current_page_name,"
                        + " is_bot, payoff, vars) values (" + p[0] + ", " + session + ", 'p" + p[0] + "s" + session
                        + "xx', " + inSession + ", null, true, null, 0, 1, null, null, false, 0, '{}')");
                s.execute("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession, id_in_group, role, payoff, fields) values (" + (p[0] + 1000) + ", " + session + ", " + (10 + session)
                        + ", " + (20 + session) + ", " + p[0] + ", " + inSession + ", " + inSession + ", '', 0, '{}')");
            }
        }
    }

    @Test
    void rangesOfChosenSessionsAreMergedAndOrdered() throws Exception {
        try (Connection c = db.getConnection()) {
            Keyset.Scope scope = Keyset.scope(c, "arbor_participant", List.of(3L, 1L, 2L));
            assertEquals(2, scope.ranges().size());
            assertArrayEquals(new long[] {100, 103}, scope.ranges().get(0));
            assertArrayEquals(new long[] {200, 201}, scope.ranges().get(1));
            assertEquals(List.of(), Keyset.scope(c, "arbor_participant", List.of(99L)).ranges());
        }
    }

    @Test
    void onlyTheChosenSessionsRowsAreExportedInIdOrder() throws Exception {
        assertEquals(List.of("p100s1xx", "p102s1xx", "p200s3xx", "p201s3xx"), participantCodes(List.of(1L, 3L)));
        assertEquals(List.of("p101s2xx", "p103s2xx"), participantCodes(List.of(2L)));
        assertEquals(List.of("p100s1xx", "p101s2xx", "p102s1xx", "p103s2xx", "p200s3xx", "p201s3xx"),
                participantCodes(null));
    }

    @Test
    void pagesSmallerThanARangeStillSkipOtherSessions() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            Keyset.Scope scope = Keyset.scope(c, "arbor_player", List.of(2L, 3L));
            Keyset.forEachPage(c, "SELECT id, session_id FROM arbor_player WHERE id > ? AND id <= ? ORDER BY id"
                    + " LIMIT ?", scope, List.of(), 1, rs -> scope.includes(rs.getLong(2)) ? rs.getLong(1) : null,
                    ids::addAll);
        }
        assertEquals(List.of(1101L, 1103L, 1200L, 1201L), ids);
    }

    private static List<String> participantCodes(List<Long> sessions) throws Exception {
        List<String> codes = new ArrayList<>();
        TableWriter collect = new TableWriter() {
            private boolean header = true;

            @Override
            public void row(List<?> values) {
                if (!header) {
                    codes.add((String) values.get(1));
                }
                header = false;
            }

            @Override
            public void close() {
            }
        };
        try (Connection c = db.getConnection()) {
            AppExport.write(c, sessions, APP, collect);
        }
        return codes;
    }
}
