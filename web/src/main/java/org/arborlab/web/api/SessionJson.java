package org.arborlab.web.api;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.arborlab.control.session.Payoffs;
import org.arborlab.control.session.SessionDetail;
import org.arborlab.control.settings.Settings;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;

/** The JSON shapes of oTree 5's session answers (detail, list, create), field for field. */
final class SessionJson {

    private SessionJson() {
    }

    static JsonObject created(Session session, Optional<String> room, Links links) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("code", session.getCode().value())
                .add("session_wide_url", links.sessionWide(session.getAnonymousCode()))
                .add("admin_url", links.admin(session.getCode().value()));
        room.ifPresent(r -> json.add("room_url", links.room(r)));
        return json.build();
    }

    static JsonObjectBuilder summary(Session session, Optional<String> room, Links links) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("code", session.getCode().value())
                .add("num_participants", session.getNumParticipants())
                .add("created_at", session.getCreatedEpochMillis() / 1000.0)
                .add("label", session.getLabel())
                .add("config_name", session.getConfigName())
                .add("session_wide_url", links.sessionWide(session.getAnonymousCode()))
                .add("admin_url", links.admin(session.getCode().value()));
        room.ifPresent(r -> json.add("room_url", links.room(r)));
        return json;
    }

    static JsonObject detail(SessionDetail detail, List<String> participantVars, List<String> sessionVars,
            Settings settings, Links links) {
        Session session = detail.session();
        JsonObjectBuilder json = summary(session, detail.roomName(), links)
                .add("config", session.getConfig())
                .add("REAL_WORLD_CURRENCY_CODE", settings.currency().realWorldCurrencyCode());
        JsonArrayBuilder participants = Jsonp.createArrayBuilder();
        boolean finished = settings.participantFields().contains("finished");
        for (Participant p : detail.participants()) {
            JsonObjectBuilder pj = Jsonp.createObjectBuilder()
                    .add("id_in_session", p.getIdInSession())
                    .add("code", p.getCode().value());
            if (p.getLabel() == null) {
                pj.addNull("label");
            } else {
                pj.add("label", p.getLabel().value());
            }
            pj.add("payoff_in_real_world_currency", money(Payoffs.inRealWorldCurrency(p.getPayoff(),
                    session.getConfig(), settings.currency())));
            if (finished) {
                pj.add("finished", p.getVars().getOrDefault("finished", JsonValue.FALSE));
            }
            copyKeys(p.getVars(), participantVars, pj);
            participants.add(pj);
        }
        json.add("participants", participants);
        copyKeys(session.getVars(), sessionVars, json);
        return json.build();
    }

    /** oTree's currency JSON: an integer when the currency has no decimals, else a decimal number. */
    private static JsonValue money(BigDecimal amount) {
        return amount.scale() <= 0 ? Jsonp.createValue(amount.longValueExact())
                : Jsonp.createValue(amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(1) : amount.stripTrailingZeros());
    }

    /** Requested keys that exist are copied; missing keys are left out, as in oTree. */
    private static void copyKeys(JsonObject vars, List<String> keys, JsonObjectBuilder target) {
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            if (vars.containsKey(key)) {
                target.add(key, vars.get(key));
            }
        }
    }
}
