package org.arborlab.control.session;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.TreeSet;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.settings.SessionConfig;

/**
 * Applies {@code modified_session_config_fields} to a config, stricter than oTree: the non-editable fields are
 * refused, and an existing field keeps its JSON type (a number stays a number, a boolean a boolean, a string a
 * string). New fields are accepted with any JSON value, as in oTree's REST API. The config itself is copied,
 * never changed.
 */
public final class ConfigEdits {

    private ConfigEdits() {
    }

    public static JsonObject apply(SessionConfig config, JsonObject modified) {
        if (modified == null || modified.isEmpty()) {
            return config.values();
        }
        TreeSet<String> nonEditable = new TreeSet<>();
        for (String key : modified.keySet()) {
            if (SessionConfig.NON_EDITABLE.contains(key)) {
                nonEditable.add(key);
            }
        }
        if (!nonEditable.isEmpty()) {
            throw new InvalidInputException("The following session config fields are not editable: " + nonEditable);
        }
        JsonObjectBuilder result = Jsonp.createObjectBuilder(config.values());
        for (Map.Entry<String, JsonValue> entry : modified.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            JsonValue old = config.values().get(key);
            if (old != null && old.getValueType() != JsonValue.ValueType.NULL && !sameType(old, value)) {
                throw new InvalidInputException("modified_session_config_fields." + key + " must be "
                        + typeName(old) + " like the config's value " + old + ", got " + value);
            }
            if ((key.equals("participation_fee") || key.equals("real_world_currency_per_point"))
                    && ((JsonNumber) value).bigDecimalValue().signum() < 0) {
                throw new InvalidInputException("modified_session_config_fields." + key + " must be at least 0, got "
                        + value);
            }
            result.add(key, value);
        }
        return result.build();
    }

    private static boolean sameType(JsonValue old, JsonValue value) {
        return kind(old).equals(kind(value));
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name();
        };
    }

    private static String typeName(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }
}
