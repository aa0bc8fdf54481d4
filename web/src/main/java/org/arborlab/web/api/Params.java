package org.arborlab.web.api;

import java.util.Map;

/** Maps the Java names in validation messages back to the REST parameter names callers used. */
final class Params {
    private static final Map<String, String> NAMES = Map.of(
            "configName", "session_config_name",
            "numParticipants", "num_participants",
            "modifiedConfigFields", "modified_session_config_fields",
            "roomName", "room_name",
            "label", "label");

    private Params() {
    }

    /** The last segment of a property path such as {@code create.arg0.configName}, as a parameter name. */
    static String name(String propertyPath) {
        String last = propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
        return "Parameter \"" + NAMES.getOrDefault(last, last) + "\"";
    }
}
