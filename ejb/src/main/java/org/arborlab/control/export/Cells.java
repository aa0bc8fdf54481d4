package org.arborlab.control.export;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.arborlab.spi.Currency;

/**
 * oTree's cell formatting, as its exports write cells: missing values are blank, booleans 1 and 0, currency and other
 * numbers plain numbers, text with line breaks turned into spaces.
 */
public final class Cells {

    private Cells() {
    }

    /** @return null (blank), a String or a Number */
    public static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Currency c) {
            return plain(c.amount());
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof JsonValue json) {
            return of(json);
        }
        return text(value.toString());
    }

    private static Object of(JsonValue json) {
        return switch (json.getValueType()) {
            case NULL -> null;
            case TRUE -> 1;
            case FALSE -> 0;
            case NUMBER -> plain(((JsonNumber) json).bigDecimalValue());
            case STRING -> text(((JsonString) json).getString());
            default -> text(json.toString());
        };
    }

    /** Whole numbers without a fraction, others without an exponent: {@code 10}, {@code 2.5}. */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String text(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
