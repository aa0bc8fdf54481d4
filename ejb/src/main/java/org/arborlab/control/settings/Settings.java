package org.arborlab.control.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the settings file says, validated. Maps keep the file's order. */
public record Settings(String source, Map<String, SessionConfig> sessionConfigs, Map<String, RoomConfig> rooms,
        List<String> participantFields, List<String> sessionFields, CurrencySettings currency,
        ProjectSettings project) {

    public Optional<SessionConfig> sessionConfig(String name) {
        return Optional.ofNullable(name == null ? null : sessionConfigs.get(name));
    }

    public Optional<RoomConfig> room(String name) {
        return Optional.ofNullable(name == null ? null : rooms.get(name));
    }
}
