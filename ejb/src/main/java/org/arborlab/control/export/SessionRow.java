package org.arborlab.control.export;

import org.arborlab.entity.JsonValues;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The session columns every export repeats; the exported sessions are few, so they are read once. */
record SessionRow(long id, String code, String label, String comment, boolean demo, int numParticipants,
        JsonObject config, JsonObject vars) {

    static final java.util.List<String> COLUMNS = java.util.List.of("code", "label", "mturk_HITId",
            "mturk_HITGroupId", "comment", "is_demo");

    java.util.List<Object> cells() {
        return java.util.Arrays.asList(code, Cells.of(label), null, null, Cells.of(comment), Cells.of(demo));
    }

    /** @param ids the sessions, or null for all */
    static Map<Long, SessionRow> load(Connection connection, Collection<Long> ids) throws Exception {
        Map<Long, SessionRow> sessions = new LinkedHashMap<>();
        String sql = "SELECT id, code, label, comment, is_demo, num_participants, config, vars FROM arbor_session"
                + " WHERE id > ? AND id <= ?" + (ids == null ? "" : " AND id IN " + Keyset.inList(ids))
                + " ORDER BY id LIMIT ?";
        Keyset.forEach(connection, sql, Keyset.Scope.ALL, java.util.List.of(), (ResultSet rs) -> sessions.put(rs.getLong(1), new SessionRow(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6),
                json(rs.getString(7)), json(rs.getString(8)))));
        return sessions;
    }

    static JsonObject json(String text) {
        return JsonValues.parseObject(text);
    }
}
