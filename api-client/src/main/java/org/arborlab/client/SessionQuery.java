package org.arborlab.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrows and widens the session detail ({@code POST /api/get_session/{code}}).
 *
 * @param participantLabels only these participants (empty: all)
 * @param participantVars   participant var keys to include in each participant
 * @param sessionVars       session var keys to include at the top level
 */
public record SessionQuery(List<String> participantLabels, List<String> participantVars, List<String> sessionVars) {

    public static final SessionQuery ALL = new SessionQuery(List.of(), List.of(), List.of());

    public SessionQuery {
        participantLabels = Maps.readOnlyCopy(participantLabels);
        participantVars = Maps.readOnlyCopy(participantVars);
        sessionVars = Maps.readOnlyCopy(sessionVars);
    }

    public boolean isEmpty() {
        return participantLabels.isEmpty() && participantVars.isEmpty() && sessionVars.isEmpty();
    }

    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!participantLabels.isEmpty()) {
            body.put("participant_labels", participantLabels);
        }
        if (!participantVars.isEmpty()) {
            body.put("participant_vars", participantVars);
        }
        if (!sessionVars.isEmpty()) {
            body.put("session_vars", sessionVars);
        }
        return body;
    }
}
