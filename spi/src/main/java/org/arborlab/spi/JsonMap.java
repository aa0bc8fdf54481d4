package org.arborlab.spi;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object read with plain Java types: the base of {@link Vars} and {@link Config}. Numbers come back as
 * {@code Integer}/{@code Long} when whole and {@code BigDecimal} otherwise, lists as {@code List}, objects as
 * {@code Map}.
 */
public class JsonMap {
    /** Looked up once: {@code Json.createXxx()} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    final Map<String, JsonValue> values;

    JsonMap(JsonObject json) {
        this.values = new LinkedHashMap<>(json);
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** The value as a plain Java object, or {@code null} if absent or JSON null. */
    public Object get(String key) {
        return toJava(values.get(key));
    }

    public String getString(String key) {
        Object value = get(key);
        return value == null ? null : value.toString();
    }

    /** @throws IllegalStateException if the value is missing or not a whole number */
    public int getInt(String key) {
        return require(key, JsonNumber.class).intValueExact();
    }

    public long getLong(String key) {
        return require(key, JsonNumber.class).longValueExact();
    }

    public BigDecimal getDecimal(String key) {
        return require(key, JsonNumber.class).bigDecimalValue();
    }

    public Currency getCurrency(String key) {
        return Currency.cu(getDecimal(key));
    }

    /** @throws IllegalStateException if the value is missing or not a boolean */
    public boolean getBoolean(String key) {
        JsonValue value = values.get(key);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new IllegalStateException("\"" + key + "\" is " + (value == null ? "missing" : value) + ", not a boolean");
    }

    /** The map as plain Java values, e.g. for a page's template. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    public JsonObject toJson() {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        values.forEach(builder::add);
        return builder.build();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private <T extends JsonValue> T require(String key, Class<T> type) {
        JsonValue value = values.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalStateException("\"" + key + "\" is " + (value == null ? "missing" : value)
                    + ", not a " + (type == JsonNumber.class ? "number" : "value of that type"));
        }
        return type.cast(value);
    }

    static Object toJava(JsonValue value) {
        if (value == null) {
            return null;
        }
        switch (value.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                if (n.isIntegral()) {
                    BigInteger big = n.bigIntegerValue();
                    if (big.bitLength() < 32) {
                        return big.intValue();
                    }
                    return big.bitLength() < 64 ? (Object) big.longValue() : n.bigDecimalValue();
                }
                return n.bigDecimalValue();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(toJava(v)));
                return list;
            default:
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, toJava(v)));
                return map;
        }
    }

    /** Java to JSON: strings, numbers, booleans, {@link Currency}, lists, maps and JSON values; else an error. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return JSON.createValue(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            return JSON.createValue(d);
        }
        if (value instanceof Currency c) {
            return JSON.createValue(c.amount());
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        throw new IllegalArgumentException("Cannot store a " + value.getClass().getName()
                + " in vars: use strings, numbers, booleans, Currency, lists and maps");
    }
}
