package org.arborlab.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** Small helpers for the JSON documents the entities keep (vars, config, app fields). */
public final class JsonValues {
    public static final JsonObject EMPTY = Json.createObjectBuilder().build();

    private JsonValues() {
    }

    /** oTree's {@code dict.update}: a shallow merge where {@code update}'s keys win. */
    public static JsonObject merge(JsonObject base, JsonObject update) {
        JsonObjectBuilder builder = Json.createObjectBuilder(base == null ? EMPTY : base);
        for (Map.Entry<String, jakarta.json.JsonValue> entry : update.entrySet()) {
            builder.add(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }
}
