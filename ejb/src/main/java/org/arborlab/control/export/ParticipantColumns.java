package org.arborlab.control.export;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** oTree's 13 built-in participant columns and the SQL that reads them (columns 1-12 of a result set). */
final class ParticipantColumns {
    static final List<String> NAMES = List.of("id_in_session", "code", "label", "_is_bot", "_index_in_pages",
            "_max_page_index", "_current_app_name", "_current_page_name", "time_started_utc", "visited",
            "mturk_worker_id", "mturk_assignment_id", "payoff");

    /** Select list, to be prefixed by the table alias {@code p}; starts with the id for keyset paging. */
    static final String SELECT = "p.id, p.session_id, p.id_in_session, p.code, p.label, p.is_bot, p.index_in_pages,"
            + " p.max_page_index, p.current_app_name, p.current_page_name, p.arrived_epoch_ms, p.visited, p.payoff,"
            + " p.vars";

    /** Python's str(datetime) for UTC, as oTree writes time_started_utc. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private ParticipantColumns() {
    }

    /** The 13 cells from a row whose columns {@code offset+1...} were selected with {@link #SELECT}. */
    static List<Object> cells(ResultSet rs, int offset) throws SQLException {
        long arrived = rs.getLong(offset + 11);
        String started = rs.wasNull() ? null : UTC.format(Instant.ofEpochMilli(arrived));
        BigDecimal payoff = rs.getBigDecimal(offset + 13);
        return Arrays.asList(rs.getInt(offset + 3), rs.getString(offset + 4), Cells.of(rs.getString(offset + 5)),
                Cells.of(rs.getBoolean(offset + 6)), rs.getInt(offset + 7), rs.getInt(offset + 8),
                Cells.of(rs.getString(offset + 9)), Cells.of(rs.getString(offset + 10)), started,
                Cells.of(rs.getBoolean(offset + 12)), null, null, Cells.of(payoff));
    }
}
