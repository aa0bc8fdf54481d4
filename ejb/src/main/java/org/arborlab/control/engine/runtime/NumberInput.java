package org.arborlab.control.engine.runtime;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A participant's number input read as oTree's (Django's) form fields read it, so that what oTree refuses is
 * refused here with the same message, never rounded or cut into something else: {@code 4.5} is not a whole
 * number, {@code 4\u0000} is not a number, {@code 2.5} points with {@code POINTS_DECIMAL_PLACES = 0} has too many
 * decimal places. Only whitespace around the text is dropped (Python's {@code strip()}), and a whole number may
 * end in {@code .0} as Django allows. Digits are ASCII, without Java's extras ({@code 1d}, {@code 0x1p3}).
 */
final class NumberInput {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    /** Django's IntegerField drops a trailing {@code .0} ({@code "4.00"} is 4). */
    private static final Pattern TRAILING_ZERO_FRACTION = Pattern.compile("\\.0*$");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    static final String NOT_WHOLE = "Enter a whole number.";
    static final String NOT_NUMBER = "Enter a number.";

    private NumberInput() {
    }

    /** A whole number within {@code [min, max]} (the Java type's range; Django's messages beyond it). */
    static long whole(String raw, long min, long max) throws FieldSpec.InvalidValue {
        String text = TRAILING_ZERO_FRACTION.matcher(raw.strip()).replaceFirst("");
        if (!WHOLE.matcher(text).matches()) {
            throw new FieldSpec.InvalidValue(NOT_WHOLE);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new FieldSpec.InvalidValue("Ensure this value is less than or equal to " + max + ".");
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw new FieldSpec.InvalidValue("Ensure this value is greater than or equal to " + min + ".");
        }
        return value.longValueExact();
    }

    /** A finite floating-point number. */
    static double floating(String raw) throws FieldSpec.InvalidValue {
        String text = raw.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new FieldSpec.InvalidValue(NOT_NUMBER);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new FieldSpec.InvalidValue(NOT_NUMBER);
        }
        return value;
    }

    /**
     * An exact decimal number with at most {@code maxDecimalPlaces} places as written ({@code 2.0} has one; a
     * negative limit means any), as Django's DecimalValidator counts them.
     */
    static BigDecimal decimal(String raw, int maxDecimalPlaces) throws FieldSpec.InvalidValue {
        String text = raw.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new FieldSpec.InvalidValue(NOT_NUMBER);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) { // an exponent beyond what BigDecimal holds
            throw new FieldSpec.InvalidValue(NOT_NUMBER);
        }
        if (maxDecimalPlaces >= 0 && value.scale() > maxDecimalPlaces) {
            throw new FieldSpec.InvalidValue("Ensure that there are no more than " + maxDecimalPlaces + " decimal "
                    + (maxDecimalPlaces == 1 ? "place." : "places."));
        }
        return value;
    }
}
