package org.arborlab.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to send to {@code POST /api/sessions}. Null fields are not sent.
 * <pre>{@code
 * SessionRequest.of("trust", 4).inRoom("econ101").withLabel("Monday 9:00")
 *         .withModifiedSessionConfigFields(Map.of("num_apples", 10))
 * }</pre>
 *
 * @param numParticipants null is sent as an absent key (the server then says what it expects)
 */
public record SessionRequest(
        String sessionConfigName,
        Integer numParticipants,
        Map<String, Object> modifiedSessionConfigFields,
        String roomName,
        String label,
        Boolean isDemo) {

    public SessionRequest {
        Objects.requireNonNull(sessionConfigName, "sessionConfigName");
        modifiedSessionConfigFields = modifiedSessionConfigFields == null ? null
                : Maps.readOnlyCopy(modifiedSessionConfigFields);
    }

    public static SessionRequest of(String sessionConfigName, Integer numParticipants) {
        return new SessionRequest(sessionConfigName, numParticipants, null, null, null, null);
    }

    public SessionRequest inRoom(String room) {
        return new SessionRequest(sessionConfigName, numParticipants, modifiedSessionConfigFields, room, label,
                isDemo);
    }

    public SessionRequest withLabel(String newLabel) {
        return new SessionRequest(sessionConfigName, numParticipants, modifiedSessionConfigFields, roomName,
                newLabel, isDemo);
    }

    public SessionRequest withModifiedSessionConfigFields(Map<String, ?> fields) {
        return new SessionRequest(sessionConfigName, numParticipants, Maps.readOnlyCopy(fields), roomName, label,
                isDemo);
    }

    public SessionRequest asDemo(boolean demo) {
        return new SessionRequest(sessionConfigName, numParticipants, modifiedSessionConfigFields, roomName, label,
                demo);
    }

    /** The JSON body, with the REST parameter names, in a stable order. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_config_name", sessionConfigName);
        putIfPresent(body, "num_participants", numParticipants);
        putIfPresent(body, "modified_session_config_fields", modifiedSessionConfigFields);
        putIfPresent(body, "room_name", roomName);
        putIfPresent(body, "label", label);
        putIfPresent(body, "is_demo", isDemo);
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
