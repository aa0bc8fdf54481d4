package org.arborlab.control.settings;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session config after {@code SESSION_CONFIG_DEFAULTS} are merged in and validated. {@link #values()} holds
 * every field in a stable order (defaults first, then the config's own), including custom fields.
 */
public record SessionConfig(String name, String displayName, List<String> appSequence,
        Integer numDemoParticipants, String doc, JsonObject values) {

    /** oTree's NON_EDITABLE_FIELDS. */
    public static final Set<String> NON_EDITABLE =
            Set.of("name", "display_name", "app_sequence", "num_demo_participants", "doc");

    public BigDecimal participationFee() {
        return values.getJsonNumber("participation_fee").bigDecimalValue();
    }

    public BigDecimal realWorldCurrencyPerPoint() {
        return values.getJsonNumber("real_world_currency_per_point").bigDecimalValue();
    }

    /**
     * The fields an admin or a REST caller may change: every field whose value is a number, boolean or string
     * and is not one of {@link #NON_EDITABLE} (oTree's rule).
     */
    public Map<String, JsonValue> editableFields() {
        Map<String, JsonValue> editable = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!NON_EDITABLE.contains(key) && isScalar(value)) {
                editable.put(key, value);
            }
        });
        return editable;
    }

    static boolean isScalar(JsonValue value) {
        return value instanceof JsonNumber || value.getValueType() == JsonValue.ValueType.STRING
                || value == JsonValue.TRUE || value == JsonValue.FALSE;
    }
}
