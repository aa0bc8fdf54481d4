package org.arborlab.control.export;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** oTree's page-times table, with oTree's columns: one row per page completion, and one per arrival (index 0). */
final class PageTimesExport {
    static final List<String> HEADER = List.of("session_code", "participant_id_in_session", "participant_code",
            "page_index", "app_name", "page_name", "epoch_time_completed", "round_number", "timeout_happened",
            "is_wait_page");

    private PageTimesExport() {
    }

    /** @param sessionIds the sessions to export, or null for all */
    static void write(Connection connection, Collection<Long> sessionIds, TableWriter out) throws Exception {
        out.row(HEADER);
        String sql = "SELECT pc.id, s.code, p.id_in_session, p.code, pc.page_index, pc.app_name, pc.page_name,"
                + " pc.epoch_time_completed_ms, pc.round_number, pc.timeout_happened, pc.is_wait_page, pc.session_id"
                + " FROM arbor_page_completion pc" + new IndexHints(connection).force("PRIMARY")
                + " JOIN arbor_participant p ON p.id = pc.participant_id"
                + " JOIN arbor_session s ON s.id = pc.session_id"
                + " WHERE pc.id > ? AND pc.id <= ? ORDER BY pc.id LIMIT ?";
        Keyset.Scope scope = Keyset.scope(connection, "arbor_page_completion", sessionIds);
        Keyset.forEach(connection, sql, scope, List.of(), rs -> {
            if (scope.includes(rs.getLong(12))) {
                out.row(Arrays.asList(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                        Cells.of(rs.getString(6)), Cells.of(rs.getString(7)), rs.getLong(8) / 1000, rs.getInt(9),
                        Cells.of(rs.getBoolean(10)), Cells.of(rs.getBoolean(11))));
            }
        });
    }
}
