package org.arborlab.control.engine.runtime;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a hook changed in a JSON document, key by key, so that it can be applied to the latest stored version:
 * two transactions that change different keys of the same group or vars both keep their change.
 */
final class JsonChanges {
    /** Key to new value; {@code null} means the key was removed. */
    private final Map<String, JsonValue> changed = new LinkedHashMap<>();

    private JsonChanges() {
    }

    /** Differences from {@code before} to {@code after}; a key absent on one side equals JSON null on the other. */
    static JsonChanges between(JsonObject before, JsonObject after, boolean nullMeansAbsent) {
        JsonChanges changes = new JsonChanges();
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            JsonValue old = normal(before.get(key), nullMeansAbsent);
            JsonValue now = normal(after.get(key), nullMeansAbsent);
            if (!Objects.equals(old, now)) {
                changes.changed.put(key, now);
            }
        }
        return changes;
    }

    private static JsonValue normal(JsonValue value, boolean nullMeansAbsent) {
        return nullMeansAbsent && value == JsonValue.NULL ? null : value;
    }

    boolean isEmpty() {
        return changed.isEmpty();
    }

    JsonObject applyTo(JsonObject latest) {
        JsonObjectBuilder builder = Jsonp.createObjectBuilder(latest);
        changed.forEach((key, value) -> {
            if (value == null) {
                builder.remove(key);
            } else {
                builder.add(key, value);
            }
        });
        return builder.build();
    }
}
