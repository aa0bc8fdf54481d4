package org.arborlab.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/** Small helpers for the JSON documents the entities keep (vars, config, app fields). */
public final class JsonValues {
    public static final JsonObject EMPTY = Jsonp.createObjectBuilder().build();
    /** Looked up once: {@code Json.createReader} searches for the provider on every call, which costs more
     * than parsing a small document. */
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private JsonValues() {
    }

    /** Parses a JSON object; blank text is the empty object. */
    public static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Parses any JSON value. */
    public static jakarta.json.JsonValue parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** oTree's {@code dict.update}: a shallow merge where {@code update}'s keys win. */
    public static JsonObject merge(JsonObject base, JsonObject update) {
        JsonObjectBuilder builder = Jsonp.createObjectBuilder(base == null ? EMPTY : base);
        for (Map.Entry<String, jakarta.json.JsonValue> entry : update.entrySet()) {
            builder.add(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }
}
