package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void validJsonBecomesItsValueAnythingElseStaysText() {
        assertEquals(25, CellValues.jsonOrText("25"));
        assertEquals(new BigDecimal("0.5"), CellValues.jsonOrText("0.5"));
        assertEquals(true, CellValues.jsonOrText("true"));
        assertNull(CellValues.jsonOrText("null"));
        assertEquals(List.of(3, 6, 9), CellValues.jsonOrText("[3, 6, 9]"));
        assertEquals(Map.of("a", 1), CellValues.jsonOrText("{\"a\": 1}"));
        assertEquals("007", CellValues.jsonOrText("\"007\""));
        // Not JSON: kept verbatim, including what only looks like a number or a list.
        assertEquals("007", CellValues.jsonOrText("007"));
        assertEquals("albert_e", CellValues.jsonOrText("albert_e"));
        assertEquals("True", CellValues.jsonOrText("True"));
        assertEquals("1 2", CellValues.jsonOrText("1 2"));
        assertEquals("[1, 2", CellValues.jsonOrText("[1, 2"));
        assertEquals("", CellValues.jsonOrText(""));
    }

    @Test
    void objectParametersMustBeJsonObjects() throws CellValues.BadValue {
        assertEquals(Map.of("age", 25, "x", List.of(1)), CellValues.jsonObject("vars", "{\"age\": 25, \"x\": [1]}"));
        CellValues.BadValue list = assertThrows(CellValues.BadValue.class, () -> CellValues.jsonObject("vars", "[1]"));
        assertEquals("vars must be a JSON object like {\"age\": 25}, got: [1]", list.getMessage());
        CellValues.BadValue broken = assertThrows(CellValues.BadValue.class,
                () -> CellValues.jsonObject("vars", "{age: 25}"));
        assertTrue(broken.getMessage().startsWith("vars is not valid JSON ("), broken.getMessage());
        assertTrue(broken.getMessage().endsWith("): {age: 25}"), broken.getMessage());
        assertThrows(CellValues.BadValue.class, () -> CellValues.jsonObject("vars", "{} {}"));
    }

    @Test
    void integersAndBooleans() throws CellValues.BadValue {
        assertEquals(12, CellValues.integer("num_participants", " 12 "));
        assertEquals("num_participants must be a whole number, got: 3.5",
                assertThrows(CellValues.BadValue.class, () -> CellValues.integer("num_participants", "3.5"))
                        .getMessage());
        assertTrue(CellValues.bool("is_demo", "TRUE"));
        assertTrue(CellValues.bool("is_demo", "1"));
        assertFalse(CellValues.bool("is_demo", "false"));
        assertThrows(CellValues.BadValue.class, () -> CellValues.bool("is_demo", "yes"));
    }

    @Test
    void keyValueArguments() {
        assertEquals(Map.of("age", 25, "name", "Ada", "tags", List.of("a")),
                KeyValues.parse(List.of("age=25", "name=Ada", "tags=[\"a\"]")));
        assertEquals(Map.of("eq", "a=b"), KeyValues.parse(List.of("eq=a=b")));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse(List.of("age")));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse(List.of("=1")));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse(List.of("a=1", "a=2")));
        assertEquals(Map.of("a", 1, "b", 2), KeyValues.merge("--vars", "{\"a\":1}", List.of("b=2")));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.merge("--vars", "{\"a\":1}", List.of("a=2")));
    }
}
