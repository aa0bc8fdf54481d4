package org.arborlab.control.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.arborlab.control.database.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wide and per-app tables on a small database written by hand: headers and cells, column by column. */
class TableExportsTest {
    private static JdbcDataSource db;
    private static final AppColumns TRUST = new AppColumns("trust", List.of("sent_back", "note"),
            List.of("sent_amount"), List.of("multiplier"));
    private static final AppColumns SURVEY = new AppColumns("survey", List.of("age"), List.of(), List.of());

    @BeforeAll
    static void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:exports;DB_CLOSE_DELAY=-1");
        SchemaMigrator.configure(db, TableExportsTest.class.getClassLoader()).load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into arbor_session values (1, 'sess0001', 'mafovopo', 'trust', '{\"name\":\"trust\","
                    + "\"app_sequence\":[\"trust\",\"survey\"],\"participation_fee\":2.50,\"use_x\":true,"
                    + "\"abc\":[1,2],\"doc\":\"d\"}', 'Lab, \"week 1\"', 'line1\nline2', 0, false, false, 2,"
                    + " '{\"dice\":4}')");
            s.execute("insert into arbor_session values (2, 'sess0002', 'babebibo', 'other', '{\"name\":\"other\","
                    + "\"app_sequence\":[\"survey\"],\"color\":\"red\"}', '', '', 0, true, false, 1, '{}')");
            s.execute("insert into arbor_participant (id, session_id, code, id_in_session, label, visited,"
                    + " arrived_epoch_ms, index_in_pages, max_page_index, current_app_name, current_page_name, is_bot,"
                    + " payoff, vars) values (10, 1, 'part0001', 1, 'LAB1', true, 1795000000123,"
                    + " 5, 9, 'trust', 'Results', false, 13.000000, '{\"finished\":true,\"age\":30}')");
            s.execute("insert into arbor_participant (id, session_id, code, id_in_session, label, visited,"
                    + " arrived_epoch_ms, index_in_pages, max_page_index, current_app_name, current_page_name, is_bot,"
                    + " payoff, vars) values (11, 1, 'part0002', 2, null, false, null, 0, 9, null,"
                    + " null, false, 0, '{}')");
            s.execute("insert into arbor_participant (id, session_id, code, id_in_session, label, visited,"
                    + " arrived_epoch_ms, index_in_pages, max_page_index, current_app_name, current_page_name, is_bot,"
                    + " payoff, vars) values (12, 2, 'part0003', 1, null, false, null, 0, 3, null,"
                    + " null, true, 1.5, '{}')");
            s.execute("insert into arbor_subsession (id, session_id, app_name, round_number, fields) values (20, 1, 'trust', 1, '{\"multiplier\":3}')");
            s.execute("insert into arbor_subsession (id, session_id, app_name, round_number, fields) values (21, 1, 'survey', 1, '{}')");
            s.execute("insert into arbor_subsession (id, session_id, app_name, round_number, fields) values (22, 2, 'survey', 1, '{}')");
            s.execute("insert into arbor_group (id, session_id, subsession_id, id_in_subsession, fields) values (30, 1, 20, 1, '{\"sent_amount\":4}')");
            s.execute("insert into arbor_group (id, session_id, subsession_id, id_in_subsession, fields) values (31, 1, 21, 1, '{}')");
            s.execute("insert into arbor_group (id, session_id, subsession_id, id_in_subsession, fields) values (32, 2, 22, 1, '{}')");
            s.execute("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession,"
                    + " id_in_group, role, payoff, fields) values (40, 1, 20, 30, 10, 1, 1, 'A', 11.000000,"
                    + " '{\"sent_back\":null,\"note\":\"ok\\nfine\"}')");
            s.execute("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession,"
                    + " id_in_group, role, payoff, fields) values (41, 1, 20, 30, 11, 2, 2, 'B', 7.5, '{\"sent_back\":5}')");
            s.execute("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession,"
                    + " id_in_group, role, payoff, fields) values (42, 1, 21, 31, 10, 1, 1, '', 2, '{\"age\":30}')");
            s.execute("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession,"
                    + " id_in_group, role, payoff, fields) values (43, 2, 22, 32, 12, 1, 1, '', 1.5, '{\"age\":\"n/a\"}')");
        }
    }

    private static List<CSVRecord> csv(ExportCall call) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = db.getConnection(); TableWriter writer = ExportFormat.CSV.open(out, "x", "\r\n")) {
            call.write(c, writer);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "CRLF line ends");
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    interface ExportCall {
        void write(Connection c, TableWriter w) throws Exception;
    }

    private static Map<String, String> named(CSVRecord header, CSVRecord row) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.get(i));
        }
        return cells;
    }

    @Test
    void wideHasOTreesColumnsInOrderAndOneRowPerParticipant() throws Exception {
        List<CSVRecord> rows = csv((c, w) -> WideExport.write(c, null, List.of("finished"), List.of("dice"),
                app -> app.equals("trust") ? TRUST : SURVEY, w));
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("participant.id_in_session", "participant.code", "participant.label",
                "participant._is_bot", "participant._index_in_pages", "participant._max_page_index",
                "participant._current_app_name", "participant._current_page_name", "participant.time_started_utc",
                "participant.visited", "participant.mturk_worker_id", "participant.mturk_assignment_id",
                "participant.payoff", "participant.finished", "session.code", "session.label", "session.mturk_HITId",
                "session.mturk_HITGroupId", "session.comment", "session.is_demo", "session.config.name",
                "session.config.participation_fee", "session.config.use_x", "session.config.color", "session.dice",
                "trust.1.player.id_in_group", "trust.1.player.role", "trust.1.player.payoff",
                "trust.1.player.sent_back", "trust.1.player.note", "trust.1.group.id_in_subsession",
                "trust.1.group.sent_amount", "trust.1.subsession.round_number", "trust.1.subsession.multiplier",
                "survey.1.player.id_in_group", "survey.1.player.role", "survey.1.player.payoff",
                "survey.1.player.age", "survey.1.group.id_in_subsession", "survey.1.subsession.round_number"), header);
        assertEquals(4, rows.size());
        Map<String, String> p1 = named(rows.get(0), rows.get(1));
        assertEquals("part0001", p1.get("participant.code"));
        assertEquals("LAB1", p1.get("participant.label"));
        assertEquals("1", p1.get("participant.visited"));
        assertEquals("2026-11-18 11:06:40.123000", p1.get("participant.time_started_utc"));
        assertEquals("13", p1.get("participant.payoff"));
        assertEquals("1", p1.get("participant.finished"));
        assertEquals("Lab, \"week 1\"", p1.get("session.label"));
        assertEquals("line1 line2", p1.get("session.comment"));
        assertEquals("2.5", p1.get("session.config.participation_fee"));
        assertEquals("1", p1.get("session.config.use_x"));
        assertEquals("", p1.get("session.config.color"));
        assertEquals("4", p1.get("session.dice"));
        assertEquals("A", p1.get("trust.1.player.role"));
        assertEquals("11", p1.get("trust.1.player.payoff"));
        assertEquals("", p1.get("trust.1.player.sent_back"));
        assertEquals("ok fine", p1.get("trust.1.player.note"));
        assertEquals("4", p1.get("trust.1.group.sent_amount"));
        assertEquals("3", p1.get("trust.1.subsession.multiplier"));
        assertEquals("30", p1.get("survey.1.player.age"));
        Map<String, String> p2 = named(rows.get(0), rows.get(2));
        assertEquals("", p2.get("participant.label"));
        assertEquals("", p2.get("participant.time_started_utc"));
        assertEquals("", p2.get("participant.finished"));
        assertEquals("7.5", p2.get("trust.1.player.payoff"));
        assertEquals("", p2.get("survey.1.player.id_in_group"), "no survey player: blank cells");
        Map<String, String> p3 = named(rows.get(0), rows.get(3));
        assertEquals("sess0002", p3.get("session.code"));
        assertEquals("1", p3.get("participant._is_bot"));
        assertEquals("red", p3.get("session.config.color"));
        assertEquals("", p3.get("trust.1.player.id_in_group"));
        assertEquals("n/a", p3.get("survey.1.player.age"));
    }

    @Test
    void wideForOneSessionOnlyHasThatSessionsParticipantsAndConfig() throws Exception {
        List<CSVRecord> rows = csv((c, w) -> WideExport.write(c, List.of(2L), List.of(), List.of(),
                app -> app.equals("trust") ? TRUST : SURVEY, w));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).toList().contains("session.config.color"));
        assertTrue(!rows.get(0).toList().contains("session.config.use_x"));
        assertTrue(!rows.get(0).toList().contains("trust.1.player.role"), "apps without data have no columns");
        assertEquals("part0003", named(rows.get(0), rows.get(1)).get("participant.code"));
    }

    @Test
    void noParticipantsGivesOneEmptyRow() throws Exception {
        List<CSVRecord> rows = csv((c, w) -> WideExport.write(c, List.of(999L), List.of(), List.of(),
                AppColumns::builtInOnly, w));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).stream().allMatch(String::isEmpty));
    }

    @Test
    void perAppHasOneRowPerPlayer() throws Exception {
        List<CSVRecord> rows = csv((c, w) -> AppExport.write(c, null, TRUST, w));
        assertEquals(List.of("participant.id_in_session", "participant.code", "participant.label",
                "participant._is_bot", "participant._index_in_pages", "participant._max_page_index",
                "participant._current_app_name", "participant._current_page_name", "participant.time_started_utc",
                "participant.visited", "participant.mturk_worker_id", "participant.mturk_assignment_id",
                "participant.payoff", "player.id_in_group", "player.role", "player.payoff", "player.sent_back",
                "player.note", "group.id_in_subsession", "group.sent_amount", "subsession.round_number",
                "subsession.multiplier", "session.code", "session.label", "session.mturk_HITId",
                "session.mturk_HITGroupId", "session.comment", "session.is_demo"), rows.get(0).toList());
        assertEquals(3, rows.size());
        Map<String, String> b = named(rows.get(0), rows.get(2));
        assertEquals("part0002", b.get("participant.code"));
        assertEquals("2", b.get("player.id_in_group"));
        assertEquals("5", b.get("player.sent_back"));
        assertEquals("4", b.get("group.sent_amount"));
        assertEquals("sess0001", b.get("session.code"));
        assertEquals("0", b.get("session.is_demo"));
    }

    @Test
    void appOrderFollowsTheMostCommonSequence() {
        assertEquals(List.of("trust", "survey", "zeta"), WideExport.appOrder(List.of(
                new SessionRow(1, "a", "", "", false, 4, SessionRow.json("{\"app_sequence\":[\"trust\",\"survey\"]}"),
                        jakarta.json.JsonValue.EMPTY_JSON_OBJECT),
                new SessionRow(2, "b", "", "", false, 1, SessionRow.json("{\"app_sequence\":[\"survey\"]}"),
                        jakarta.json.JsonValue.EMPTY_JSON_OBJECT)), java.util.Set.of("survey", "zeta", "trust")));
    }
}
