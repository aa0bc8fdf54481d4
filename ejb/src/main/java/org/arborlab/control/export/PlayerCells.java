package org.arborlab.control.export;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A player's cells with its group's and subsession's, in oTree's column order for one app and round. */
record PlayerCells(int idInGroup, String role, BigDecimal payoff, JsonObject fields, int groupIdInSubsession,
        JsonObject groupFields, int roundNumber, JsonObject subsessionFields) {

    static List<String> header(String prefix, AppColumns columns) {
        List<String> names = new ArrayList<>();
        names.add(prefix + "player.id_in_group");
        names.add(prefix + "player.role");
        names.add(prefix + "player.payoff");
        columns.playerFields().forEach(f -> names.add(prefix + "player." + f));
        names.add(prefix + "group.id_in_subsession");
        columns.groupFields().forEach(f -> names.add(prefix + "group." + f));
        names.add(prefix + "subsession.round_number");
        columns.subsessionFields().forEach(f -> names.add(prefix + "subsession." + f));
        return names;
    }

    static int width(AppColumns columns) {
        return 5 + columns.playerFields().size() + columns.groupFields().size() + columns.subsessionFields().size();
    }

    void addTo(List<Object> row, AppColumns columns) {
        row.add(idInGroup);
        row.add(Cells.of(role));
        row.add(Cells.of(payoff));
        columns.playerFields().forEach(f -> row.add(Cells.of(fields.get(f))));
        row.add(groupIdInSubsession);
        columns.groupFields().forEach(f -> row.add(Cells.of(groupFields.get(f))));
        row.add(roundNumber);
        columns.subsessionFields().forEach(f -> row.add(Cells.of(subsessionFields.get(f))));
    }
}
