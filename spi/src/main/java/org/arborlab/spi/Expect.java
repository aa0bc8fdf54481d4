package org.arborlab.spi;

import java.math.BigDecimal;
import java.util.Objects;

/** Assertions for bots; a failure stops the bot with the message. */
public final class Expect {

    private Expect() {
    }

    /** Numbers and {@link Currency} compare by value ({@code cu(10)} equals {@code 10}). */
    public static void equal(Object actual, Object expected) {
        if (!same(actual, expected)) {
            throw new AssertionError("expected " + expected + " but was " + actual);
        }
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static boolean same(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Currency c) {
            return c.amount();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return null;
    }
}
