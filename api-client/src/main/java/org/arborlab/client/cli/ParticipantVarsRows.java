package org.arborlab.client.cli;

import java.util.List;
import java.util.Map;
import org.arborlab.client.ArborClient;

/**
 * Turns rows of a participant-vars CSV into updates: either {@code participant_code,vars} or
 * {@code room_name,participant_label,vars} (a file may mix both kinds of rows).
 */
final class ParticipantVarsRows {

    static final List<String> COLUMNS = List.of("room_name", "participant_label", "participant_code", "vars",
            "vars.<name>");

    /** Whose vars to set, and to what. Exactly one of participantCode or roomName + participantLabel is set. */
    record Update(String participantCode, String roomName, String participantLabel, Map<String, Object> vars) {

        void sendWith(ArborClient client) {
            if (participantCode != null) {
                client.setParticipantVars(participantCode, vars);
            } else {
                client.setParticipantVarsInRoom(roomName, participantLabel, vars);
            }
        }

        String who() {
            return participantCode != null ? "participant " + participantCode
                    : "participant " + participantLabel + " in room " + roomName;
        }
    }

    private ParticipantVarsRows() {
    }

    static void checkColumns(List<String> columns) throws CsvTable.BadFile {
        boolean byCode = columns.contains("participant_code");
        boolean byLabel = columns.contains("room_name") && columns.contains("participant_label");
        if (!byCode && !byLabel) {
            throw new CsvTable.BadFile("the header needs participant_code, or room_name and participant_label");
        }
        if (columns.stream().noneMatch(column -> ObjectColumns.belongsTo("vars", column))) {
            throw new CsvTable.BadFile("the header has no vars column (vars, or vars.<name> per var)");
        }
        for (String column : columns) {
            boolean known = column.isEmpty() || COLUMNS.contains(column) || ObjectColumns.belongsTo("vars", column);
            if (!known) {
                throw new CsvTable.BadFile("unknown column \"" + column + "\"; the columns are "
                        + String.join(", ", COLUMNS));
            }
        }
    }

    static Update toUpdate(Map<String, String> cells) throws CellValues.BadValue {
        String code = cells.get("participant_code");
        String room = cells.get("room_name");
        String label = cells.get("participant_label");
        if (code != null && (room != null || label != null)) {
            throw new CellValues.BadValue("give participant_code or room_name + participant_label, not both");
        }
        if (code == null && (room == null || label == null)) {
            throw new CellValues.BadValue(room == null ? "room_name is empty" : "participant_label is empty");
        }
        Map<String, Object> vars = ObjectColumns.collect("vars", cells);
        if (vars == null || vars.isEmpty()) {
            throw new CellValues.BadValue("no vars in this row");
        }
        return new Update(code, room, label, vars);
    }
}
