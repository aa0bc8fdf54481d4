package org.arborlab.control.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.FieldSpec;
import org.arborlab.control.export.Cells;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.entity.Subsession;

/**
 * The Data tab: one table per app and round, a row per player with the player's, group's and
 * subsession's fields. Values are shown as the export writes them, cut to 30 characters.
 */
@Stateless
public class SessionDataService {
    /** Longer values are cut to this many characters and "…". */
    public static final int MAX_CHARS = 30;

    @Inject
    SessionService sessions;

    @Inject
    AppRegistry apps;

    /** @throws org.arborlab.control.NotFoundException for an unknown session */
    public List<Table> tables(String code) {
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        Session session = sessions.require(new SessionCode(code));
        List<Table> tables = new ArrayList<>();
        for (Subsession subsession : sessions.subsessions(session)) {
            AppModel app = apps.all().get(subsession.getAppName());
            List<String> playerFields = app == null ? List.of() : names(app.playerFields());
            List<String> groupFields = app == null ? List.of() : names(app.groupFields());
            List<String> subsessionFields = app == null ? List.of() : names(app.subsessionFields());
            List<String> header = new ArrayList<>(List.of("participant", "player.id_in_group", "player.role",
                    "player.payoff"));
            playerFields.forEach(f -> header.add("player." + f));
            header.add("group.id_in_subsession");
            groupFields.forEach(f -> header.add("group." + f));
            subsessionFields.forEach(f -> header.add("subsession." + f));
            List<List<String>> rows = new ArrayList<>();
            for (Player player : sessions.players(subsession)) {
                List<String> row = new ArrayList<>();
                row.add("P" + player.getParticipant().getIdInSession());
                row.add(Integer.toString(player.getIdInGroup()));
                row.add(cell(player.getRole()));
                row.add(cell(player.getPayoff()));
                addFields(row, player.getFields(), playerFields);
                row.add(Integer.toString(player.getGroup().getIdInSubsession()));
                addFields(row, player.getGroup().getFields(), groupFields);
                addFields(row, subsession.getFields(), subsessionFields);
                rows.add(row);
            }
            tables.add(new Table(subsession.getAppName(), subsession.getRoundNumber(), header, rows));
        }
        return tables;
    }

    private static void addFields(List<String> row, JsonObject values, List<String> names) {
        names.forEach(name -> row.add(cell(values.get(name))));
    }

    private static List<String> names(List<FieldSpec> fields) {
        return fields.stream().map(FieldSpec::name).toList();
    }

    /**
     * A value as the export shows it, cut to {@link #MAX_CHARS} characters and "…"; except yes/no values, which
     * read "True"/"False" here as on oTree's data page (the export's 1/0 look like numbers on a page).
     */
    static String cell(Object value) {
        if (value == jakarta.json.JsonValue.TRUE || Boolean.TRUE.equals(value)) {
            return "True";
        }
        if (value == jakarta.json.JsonValue.FALSE || Boolean.FALSE.equals(value)) {
            return "False";
        }
        Object shown = Cells.of(value);
        String text = shown == null ? "" : shown.toString();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
    }

    /** One app and round. */
    public record Table(String app, int round, List<String> header, List<List<String>> rows) {
    }
}
