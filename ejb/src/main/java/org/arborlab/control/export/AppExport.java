package org.arborlab.control.export;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** oTree's per-app table as oTree writes it: one row per player of the app, over sessions and rounds. */
final class AppExport {

    private AppExport() {
    }

    static void write(Connection connection, Collection<Long> sessionIds, AppColumns app, TableWriter out)
            throws Exception {
        Map<Long, SessionRow> sessions = SessionRow.load(connection, sessionIds);
        List<String> header = new ArrayList<>();
        ParticipantColumns.NAMES.forEach(n -> header.add("participant." + n));
        header.addAll(PlayerCells.header("", app));
        SessionRow.COLUMNS.forEach(c -> header.add("session." + c));
        out.row(header);

        Set<Long> rounds = subsessions(connection, app.app(), sessionIds);
        if (rounds.isEmpty()) {
            return;
        }
        // Two steps per page, so that both databases walk the primary key whatever the data: find the page's
        // players of this app along the key (one table, no join the optimizer could start from and then sort),
        // then read those players with their participant, group and round by id.
        IndexHints hints = new IndexHints(connection);
        String scan = "SELECT id, subsession_id FROM arbor_player" + hints.force("PRIMARY")
                + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";
        String read = "SELECT pl.id, " + ParticipantColumns.SELECT
                + ", pl.id_in_group, pl.role, pl.payoff, pl.fields, g.id_in_subsession, g.fields, ss.round_number,"
                + " ss.fields, g.id, ss.id FROM arbor_player pl" + hints.force("PRIMARY")
                + " JOIN arbor_participant p ON p.id = pl.participant_id"
                + " JOIN arbor_group g ON g.id = pl.group_id JOIN arbor_subsession ss ON ss.id = pl.subsession_id"
                + " WHERE pl.id IN %s ORDER BY pl.id";
        Keyset.Scope scope = Keyset.scope(connection, "arbor_player", sessionIds);
        // a group's and a round's fields are read once for all their players, not once per player
        Map<Long, JsonObject> groups = recent(4_096);
        Map<Long, JsonObject> roundFields = recent(64);
        Keyset.forEachPage(connection, scan, scope, List.of(), Keyset.PAGE,
                rs -> rounds.contains(rs.getLong(2)) ? rs.getLong(1) : null, page -> {
                    try (PreparedStatement statement = connection.prepareStatement(read.formatted(Keyset.inList(page)));
                            ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            // column 1 is the player's id; the participant's columns follow, shifted by one
                            List<Object> row = new ArrayList<>(ParticipantColumns.cells(rs, 1));
                            new PlayerCells(rs.getInt(16), rs.getString(17), rs.getBigDecimal(18),
                                    SessionRow.json(rs.getString(19)), rs.getInt(20),
                                    parsed(groups, rs.getLong(24), rs, 21), rs.getInt(22),
                                    parsed(roundFields, rs.getLong(25), rs, 23))
                                    .addTo(row, app);
                            row.addAll(sessions.get(rs.getLong(3)).cells());
                            out.row(row);
                        }
                    }
                });
    }

    /** The app's rounds (subsession ids) in the sessions, or in all sessions. */
    private static Set<Long> subsessions(Connection connection, String app, Collection<Long> sessionIds)
            throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM arbor_subsession"
                + " WHERE app_name = ?" + (sessionIds == null ? "" : " AND session_id IN " + Keyset.inList(sessionIds)))) {
            statement.setString(1, app);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static JsonObject parsed(Map<Long, JsonObject> cache, long id, ResultSet rs, int column)
            throws SQLException {
        JsonObject json = cache.get(id);
        if (json == null) {
            json = SessionRow.json(rs.getString(column));
            cache.put(id, json);
        }
        return json;
    }

    /** The most recently used entries, at most {@code size}: players come by id, so a group's are close. */
    private static <K, V> Map<K, V> recent(int size) {
        return new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
