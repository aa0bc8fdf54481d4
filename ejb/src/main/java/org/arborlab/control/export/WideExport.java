package org.arborlab.control.export;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.arborlab.control.settings.SessionConfig;

/**
 * oTree's all-apps wide table, with oTree's columns: one row per participant, then for each app and round the
 * player's, group's and subsession's columns. Participants are read 500 at a time with their players.
 */
final class WideExport {
    static final int PARTICIPANTS_PER_PAGE = 500;

    private WideExport() {
    }

    /**
     * @param sessionIds the sessions, or null for all
     * @param columnsOf  an app's own fields by app name
     */
    static void write(Connection connection, Collection<Long> sessionIds, List<String> participantFields,
            List<String> sessionFields, Function<String, AppColumns> columnsOf, TableWriter out) throws Exception {
        Map<Long, SessionRow> sessions = SessionRow.load(connection, sessionIds);
        List<String> configColumns = configColumns(sessions.values());
        Map<String, Integer> rounds = roundsByApp(connection, sessionIds);
        List<AppColumns> apps = appOrder(sessions.values(), rounds.keySet()).stream().map(columnsOf).toList();

        List<String> header = new ArrayList<>();
        ParticipantColumns.NAMES.forEach(n -> header.add("participant." + n));
        participantFields.forEach(f -> header.add("participant." + f));
        SessionRow.COLUMNS.forEach(c -> header.add("session." + c));
        configColumns.forEach(c -> header.add("session.config." + c));
        sessionFields.forEach(f -> header.add("session." + f));
        for (AppColumns app : apps) {
            for (int round = 1; round <= rounds.get(app.app()); round++) {
                header.addAll(PlayerCells.header(app.app() + "." + round + ".", app));
            }
        }
        out.row(header);

        IndexHints hints = new IndexHints(connection);
        String sql = "SELECT " + ParticipantColumns.SELECT + " FROM arbor_participant p" + hints.force("PRIMARY")
                + " WHERE p.id > ? AND p.id <= ? ORDER BY p.id LIMIT ?";
        boolean[] any = {false};
        Keyset.Scope scope = Keyset.scope(connection, "arbor_participant", sessionIds);
        Keyset.forEachPage(connection, sql, scope, List.of(), PARTICIPANTS_PER_PAGE,
                rs -> !scope.includes(rs.getLong(2)) ? null : new ParticipantRow(rs.getLong(1), rs.getLong(2),
                        ParticipantColumns.cells(rs, 0), SessionRow.json(rs.getString(14))),
                page -> {
                    any[0] = true;
                    Map<Long, Map<String, PlayerCells>> players = players(connection, hints, page);
                    for (ParticipantRow p : page) {
                        out.row(row(p, sessions.get(p.sessionId()), participantFields, configColumns, sessionFields,
                                apps, rounds, players.getOrDefault(p.id(), Map.of())));
                    }
                });
        if (!any[0]) {
            out.row(Collections.nCopies(header.size(), null));
        }
    }

    private record ParticipantRow(long id, long sessionId, List<Object> cells, JsonObject vars) {
    }

    private static List<Object> row(ParticipantRow p, SessionRow session, List<String> participantFields,
            List<String> configColumns, List<String> sessionFields, List<AppColumns> apps,
            Map<String, Integer> rounds, Map<String, PlayerCells> players) {
        List<Object> row = new ArrayList<>(p.cells());
        participantFields.forEach(f -> row.add(Cells.of(p.vars().get(f))));
        row.addAll(session.cells());
        configColumns.forEach(c -> row.add(Cells.of(session.config().get(c))));
        sessionFields.forEach(f -> row.add(Cells.of(session.vars().get(f))));
        for (AppColumns app : apps) {
            for (int round = 1; round <= rounds.get(app.app()); round++) {
                PlayerCells player = players.get(app.app() + "." + round);
                if (player == null) {
                    row.addAll(Collections.nCopies(PlayerCells.width(app), null));
                } else {
                    player.addTo(row, app);
                }
            }
        }
        return row;
    }

    /** Each participant's players by "app.round". */
    private static Map<Long, Map<String, PlayerCells>> players(Connection connection, IndexHints hints,
            List<ParticipantRow> page) throws Exception {
        List<Long> ids = page.stream().map(ParticipantRow::id).toList();
        Map<Long, Map<String, PlayerCells>> players = new HashMap<>();
        Map<Long, JsonObject> groupFields = new HashMap<>();
        Map<Long, JsonObject> subsessionFields = new HashMap<>();
        String sql = "SELECT pl.participant_id, ss.app_name, ss.round_number, pl.id_in_group, pl.role, pl.payoff,"
                + " pl.fields, g.id, g.id_in_subsession, g.fields, ss.id, ss.fields"
                + " FROM arbor_player pl" + hints.force("fk_player_participant")
                + " JOIN arbor_group g ON g.id = pl.group_id"
                + " JOIN arbor_subsession ss ON ss.id = pl.subsession_id"
                + " WHERE pl.participant_id IN " + Keyset.inList(ids);
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String groupJson = rs.getString(10);
                String subsessionJson = rs.getString(12);
                PlayerCells cells = new PlayerCells(rs.getInt(4), rs.getString(5), rs.getBigDecimal(6),
                        SessionRow.json(rs.getString(7)), rs.getInt(9),
                        groupFields.computeIfAbsent(rs.getLong(8), id -> SessionRow.json(groupJson)), rs.getInt(3),
                        subsessionFields.computeIfAbsent(rs.getLong(11), id -> SessionRow.json(subsessionJson)));
                players.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2) + "." + rs.getInt(3),
                        cells);
            }
        }
        return players;
    }

    /**
     * {@code name}, then every editable field of the exported sessions' configs in the order they first appear
     * (sessions by id, fields in config order). oTree's order here is undefined; Arbor's is this one.
     */
    static List<String> configColumns(Collection<SessionRow> sessions) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("name");
        for (SessionRow session : sessions) {
            session.config().forEach((key, value) -> {
                if (!SessionConfig.NON_EDITABLE.contains(key) && scalar(value)) {
                    columns.add(key);
                }
            });
        }
        return new ArrayList<>(columns);
    }

    private static boolean scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER, STRING, TRUE, FALSE -> true;
            default -> false;
        };
    }

    private static Map<String, Integer> roundsByApp(Connection connection, Collection<Long> sessionIds)
            throws Exception {
        Map<String, Integer> rounds = new HashMap<>();
        String sql = "SELECT app_name, MAX(round_number) FROM arbor_subsession"
                + (sessionIds == null ? "" : " WHERE session_id IN " + Keyset.inList(sessionIds))
                + " GROUP BY app_name";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rounds.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rounds;
    }

    /** oTree's app order: the most common app_sequence (weighted by participants), then the rest alphabetically. */
    static List<String> appOrder(Collection<SessionRow> sessions, Set<String> appsWithData) {
        Map<List<String>, Integer> weights = new LinkedHashMap<>();
        for (SessionRow session : sessions) {
            JsonValue sequence = session.config().get("app_sequence");
            if (sequence instanceof JsonArray array) {
                List<String> apps = array.stream().filter(v -> v instanceof JsonString)
                        .map(v -> ((JsonString) v).getString()).toList();
                weights.merge(apps, session.numParticipants(), Integer::sum);
            }
        }
        List<String> order = new ArrayList<>();
        weights.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(most -> most.getKey().stream()
                .filter(appsWithData::contains).forEach(order::add));
        new TreeSet<>(appsWithData).stream().filter(a -> !order.contains(a)).forEach(order::add);
        return order;
    }
}
