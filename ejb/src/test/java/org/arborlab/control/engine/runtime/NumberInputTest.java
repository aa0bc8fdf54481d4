package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Participant number inputs read as oTree's (Django's) form fields read them: refused, never rounded. */
class NumberInputTest {

    /** One field of every numeric kind, as an app declares them. */
    public static class Model {
        @Field(min = "0")
        public Integer whole;
        public Long big;
        public Double ratio;
        public BigDecimal exact;
        public Currency amount;
        @Field(blank = true)
        public Integer optional;
    }

    private static final List<FieldSpec> FIELDS = FieldSpec.of(Model.class, Object.class);

    private static FieldSpec field(String name) {
        return FIELDS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String refusal(String name, String input, int currencyPlaces) {
        return assertThrows(FieldSpec.InvalidValue.class, () -> field(name).parse(input, currencyPlaces),
                name + " accepted \"" + input + "\"").getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "whole|4.5|Enter a whole number.",
        "whole|4<NUL>|Enter a whole number.",
        "whole|4 5|Enter a whole number.",
        "whole|0x10|Enter a whole number.",
        "whole|4e2|Enter a whole number.",
        "whole|٤|Enter a whole number.",
        "whole|2147483648|Ensure this value is less than or equal to 2147483647.",
        "whole|-2147483649|Ensure this value is greater than or equal to -2147483648.",
        "big|1.5|Enter a whole number.",
        "big|9223372036854775808|Ensure this value is less than or equal to 9223372036854775807.",
        "ratio|4<NUL>|Enter a number.",
        "ratio|1d|Enter a number.",
        "ratio|NaN|Enter a number.",
        "ratio|Infinity|Enter a number.",
        "ratio|1e999|Enter a number.",
        "ratio|0x1p3|Enter a number.",
        "exact|1,5|Enter a number.",
        "exact|4<NUL>|Enter a number.",
        "amount|4<NUL>|Enter a number."})
    void badNumbersAreRefusedWithDjangosMessage(String name, String input, String message) {
        // <NUL> stands for the byte a form post sends as %00 (the CSV reader would trim a real one)
        assertEquals(message, refusal(name, input.replace("<NUL>", "\u0000"), 2));
    }

    @Test
    void currencyRefusesMoreDecimalPlacesThanTheSettingsAllow() {
        assertEquals("Ensure that there are no more than 0 decimal places.", refusal("amount", "2.5", 0));
        assertEquals("Ensure that there are no more than 0 decimal places.", refusal("amount", "2.0", 0),
                "Django counts the places as written");
        assertEquals("Ensure that there are no more than 1 decimal place.", refusal("amount", "2.25", 1));
        assertEquals("Ensure that there are no more than 2 decimal places.", refusal("amount", "0.005", 2));
    }

    @Test
    void goodNumbersKeepTheirExactValue() throws Exception {
        assertEquals(4, field("whole").parse(" 4 ", 0));
        assertEquals(4, field("whole").parse("4.00", 0), "Django's IntegerField drops a .0 fraction");
        assertEquals(-4, field("whole").parse("-4", 0));
        assertEquals(4, field("whole").parse("+4", 0));
        assertEquals(0, field("whole").parse("0", 0));
        assertEquals(9_000_000_000L, field("big").parse("9000000000", 0));
        assertEquals(0.25, field("ratio").parse("0.25", 0));
        assertEquals(1500.0, field("ratio").parse("1.5e3", 0));
        assertEquals(new BigDecimal("2.50"), field("exact").parse("2.50", 0));
        assertEquals(Currency.cu(3), field("amount").parse("3", 0));
        assertEquals(Currency.cu(new BigDecimal("2.5")), field("amount").parse("2.5", 1));
        assertEquals(Currency.cu(new BigDecimal("2.5")), field("amount").parse("2.5", -1), "no limit");
    }

    @Test
    void zeroIsAValueOnlyEmptyIsMissing() throws Exception {
        Model model = new Model();
        assertNull(field("whole").check(model, field("whole").parse("0", 0)), "0 is a valid answer");
        assertNull(field("amount").check(model, field("amount").parse("0", 0)));
        assertEquals("This field is required.", field("whole").check(model, field("whole").parse("", 0)));
        assertEquals("This field is required.", field("whole").check(model, field("whole").parse("  ", 0)));
        assertNull(field("optional").check(model, field("optional").parse("", 0)), "blank=True");
        assertEquals("Ensure this value is greater than or equal to 0.",
                field("whole").check(model, field("whole").parse("-1", 0)));
    }
}
