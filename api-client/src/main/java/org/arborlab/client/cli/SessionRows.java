package org.arborlab.client.cli;

import java.util.List;
import java.util.Map;
import org.arborlab.client.SessionRequest;

/** Turns rows of a sessions CSV into session requests. Columns are the REST parameter names. */
final class SessionRows {

    static final List<String> COLUMNS = List.of("session_config_name", "num_participants",
            "modified_session_config_fields", "modified_session_config_fields.<field>", "room_name", "label",
            "is_demo");

    private SessionRows() {
    }

    /** Stops the run before any request when a column would be ignored or misread. */
    static void checkColumns(List<String> columns) throws CsvTable.BadFile {
        if (!columns.contains("session_config_name")) {
            throw new CsvTable.BadFile("the header has no session_config_name column");
        }
        for (String column : columns) {
            boolean known = column.isEmpty() || COLUMNS.contains(column)
                    || ObjectColumns.belongsTo("modified_session_config_fields", column);
            if (!known) {
                throw new CsvTable.BadFile("unknown column \"" + column + "\"; the columns are "
                        + String.join(", ", COLUMNS));
            }
        }
    }

    static SessionRequest toRequest(Map<String, String> cells) throws CellValues.BadValue {
        String config = cells.get("session_config_name");
        if (config == null) {
            throw new CellValues.BadValue("session_config_name is empty");
        }
        String participants = cells.get("num_participants");
        SessionRequest request = SessionRequest.of(config,
                participants == null ? null : CellValues.integer("num_participants", participants));
        Map<String, Object> fields = ObjectColumns.collect("modified_session_config_fields", cells);
        if (fields != null) {
            request = request.withModifiedSessionConfigFields(fields);
        }
        if (cells.containsKey("room_name")) {
            request = request.inRoom(cells.get("room_name"));
        }
        if (cells.containsKey("label")) {
            request = request.withLabel(cells.get("label"));
        }
        if (cells.containsKey("is_demo")) {
            request = request.asDemo(CellValues.bool("is_demo", cells.get("is_demo")));
        }
        return request;
    }
}
