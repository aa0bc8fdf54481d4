package org.arborlab.control.engine.runtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.arborlab.entity.Jsonp;
import org.arborlab.spi.Currency;

/** Live messages as JSON: what a live method returns, and what a bot sends, in plain Java, turned into JSON. */
public final class LiveJson {

    private LiveJson() {
    }

    /**
     * JSON values stay; {@code Map} (keys as text), {@code Collection} and arrays of objects, {@code String},
     * numbers, {@code Boolean}, {@code Currency} (its amount), enums (their name) and {@code null} are converted.
     *
     * @throws IllegalArgumentException for anything else (e.g. a player object), naming its class
     */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Jsonp.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Jsonp.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return Jsonp.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return Jsonp.createValue(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a live message cannot hold " + d + " (JSON has no such number)");
            }
            return Jsonp.createValue(new BigDecimal(value.toString()));
        }
        if (value instanceof Currency c) {
            return Jsonp.createValue(c.amount());
        }
        if (value instanceof Enum<?> e) {
            return Jsonp.createValue(e.name());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Jsonp.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = Jsonp.createArrayBuilder();
            list.forEach(v -> array.add(toJson(v)));
            return array.build();
        }
        if (value instanceof Object[] list) {
            JsonArrayBuilder array = Jsonp.createArrayBuilder();
            for (Object v : list) {
                array.add(toJson(v));
            }
            return array.build();
        }
        throw new IllegalArgumentException("a live message can hold maps, lists, text, numbers, booleans, Currency "
                + "and null, not a " + value.getClass().getName());
    }
}
