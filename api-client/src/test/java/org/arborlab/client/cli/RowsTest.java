package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arborlab.client.SessionRequest;
import org.junit.jupiter.api.Test;

/** How a sessions row and a participant-vars row become requests. */
class RowsTest {

    private static Map<String, String> cells(String... keyValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cells.put(keyValues[i], keyValues[i + 1]);
        }
        return cells;
    }

    @Test
    void sessionRowWithEveryColumn() throws Exception {
        SessionRequest request = SessionRows.toRequest(cells("session_config_name", "trust",
                "num_participants", "4", "room_name", "econ101", "label", "Mon 9:00", "is_demo", "false",
                "modified_session_config_fields", "{\"num_apples\": 10}",
                "modified_session_config_fields.abc", "[1, 2, 3]"));
        assertEquals(Map.of("session_config_name", "trust", "num_participants", 4, "room_name", "econ101",
                "label", "Mon 9:00", "is_demo", false,
                "modified_session_config_fields", Map.of("num_apples", 10, "abc", List.of(1, 2, 3))),
                request.toBody());
    }

    @Test
    void labelsAndNamesAreTakenAsWrittenNotAsJson() throws Exception {
        SessionRequest request = SessionRows.toRequest(cells("session_config_name", "trust",
                "num_participants", "2", "label", "123"));
        assertEquals("123", request.label());
    }

    @Test
    void badSessionRows() {
        assertEquals("session_config_name is empty", assertThrows(CellValues.BadValue.class,
                () -> SessionRows.toRequest(cells("num_participants", "2"))).getMessage());
        assertEquals("num_participants must be a whole number, got: four", assertThrows(CellValues.BadValue.class,
                () -> SessionRows.toRequest(cells("session_config_name", "t", "num_participants", "four")))
                .getMessage());
        assertEquals("num_apples is given both in modified_session_config_fields and in "
                        + "modified_session_config_fields.num_apples",
                assertThrows(CellValues.BadValue.class, () -> SessionRows.toRequest(cells("session_config_name", "t",
                        "modified_session_config_fields", "{\"num_apples\":1}",
                        "modified_session_config_fields.num_apples", "2"))).getMessage());
    }

    @Test
    void emptyNumParticipantsIsNotSentSoTheServerSaysWhatItWants() throws Exception {
        assertNull(SessionRows.toRequest(cells("session_config_name", "trust")).toBody().get("num_participants"));
    }

    @Test
    void sessionColumnsAreChecked() throws Exception {
        SessionRows.checkColumns(List.of("session_config_name", "num_participants", "modified_session_config_fields.x"));
        assertEquals("the header has no session_config_name column", assertThrows(CsvTable.BadFile.class,
                () -> SessionRows.checkColumns(List.of("config", "num_participants"))).getMessage());
        assertThrows(CsvTable.BadFile.class,
                () -> SessionRows.checkColumns(List.of("session_config_name", "is_mturk")));
        assertThrows(CsvTable.BadFile.class,
                () -> SessionRows.checkColumns(List.of("session_config_name", "modified_session_config_fields.")));
    }

    @Test
    void varsRowByRoomAndLabelOrByCode() throws Exception {
        ParticipantVarsRows.Update byLabel = ParticipantVarsRows.toUpdate(cells("room_name", "econ101",
                "participant_label", "albert_e", "vars", "{\"age\": 25}", "vars.is_male", "true",
                "vars.city", "Zürich"));
        assertEquals(new ParticipantVarsRows.Update(null, "econ101", "albert_e",
                Map.of("age", 25, "is_male", true, "city", "Zürich")), byLabel);
        assertEquals("participant albert_e in room econ101", byLabel.who());

        ParticipantVarsRows.Update byCode = ParticipantVarsRows.toUpdate(cells("participant_code", "p0001001",
                "vars", "{\"x\": [3, 6, 9]}"));
        assertEquals("p0001001", byCode.participantCode());
        assertEquals(Map.of("x", List.of(3, 6, 9)), byCode.vars());
    }

    @Test
    void badVarsRows() {
        assertEquals("give participant_code or room_name + participant_label, not both",
                assertThrows(CellValues.BadValue.class, () -> ParticipantVarsRows.toUpdate(cells(
                        "participant_code", "p1", "room_name", "econ101", "vars", "{}"))).getMessage());
        assertEquals("participant_label is empty", assertThrows(CellValues.BadValue.class,
                () -> ParticipantVarsRows.toUpdate(cells("room_name", "econ101", "vars", "{\"a\":1}"))).getMessage());
        assertEquals("no vars in this row", assertThrows(CellValues.BadValue.class,
                () -> ParticipantVarsRows.toUpdate(cells("participant_code", "p1", "vars", "{}"))).getMessage());
        assertEquals("vars must be a JSON object like {\"age\": 25}, got: 25", assertThrows(CellValues.BadValue.class,
                () -> ParticipantVarsRows.toUpdate(cells("participant_code", "p1", "vars", "25"))).getMessage());
    }

    @Test
    void varsColumnsAreChecked() throws Exception {
        ParticipantVarsRows.checkColumns(List.of("participant_code", "vars.age"));
        ParticipantVarsRows.checkColumns(List.of("room_name", "participant_label", "participant_code", "vars"));
        assertThrows(CsvTable.BadFile.class, () -> ParticipantVarsRows.checkColumns(List.of("room_name", "vars")));
        assertThrows(CsvTable.BadFile.class,
                () -> ParticipantVarsRows.checkColumns(List.of("participant_code", "age")));
        assertThrows(CsvTable.BadFile.class,
                () -> ParticipantVarsRows.checkColumns(List.of("participant_code", "vars", "age")));
    }
}
