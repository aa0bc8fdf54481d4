package org.arborlab.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void codesAreEightLowerCaseLettersOrDigits() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(SessionCode.isValid(SessionCode.random().value()));
        }
        assertThrows(IllegalArgumentException.class, () -> new SessionCode("ABCDEFGH"));
        assertThrows(IllegalArgumentException.class, () -> new ParticipantCode("abc"));
        assertEquals(new SessionCode("abcd1234"), new SessionCode("abcd1234"));
    }

    @Test
    void roomNamesAndLabelsFollowOTreesRules() {
        assertTrue(RoomName.isValid("econ_101"));
        assertFalse(RoomName.isValid("econ 101"));
        assertTrue(ParticipantLabel.isValid("LAB 1 <b>"));
        assertFalse(ParticipantLabel.isValid("x".repeat(101)));
        assertFalse(ParticipantLabel.isValid(" "));
        assertFalse(ParticipantLabel.isValid("a\nb"));
    }

    @Test
    void varsRoundTripExactlyAndMergeShallowly() {
        String text = "{\"age\":25,\"big\":12345678901234567890,\"f\":2.50,\"s\":\"Zoë ✓ <b>\",\"n\":null,"
                + "\"nested\":{\"x\":[1,true,{\"y\":null}]}}";
        JsonObjectConverter converter = new JsonObjectConverter();
        JsonObject vars = converter.convertToEntityAttribute(text);
        assertEquals(text, converter.convertToDatabaseColumn(vars));

        JsonObject update = Json.createReader(new StringReader("{\"age\":26,\"nested\":{\"z\":1}}")).readObject();
        JsonObject merged = JsonValues.merge(vars, update);
        assertEquals(26, merged.getInt("age"));
        assertEquals("{\"z\":1}", merged.get("nested").toString());
        assertEquals("Zoë ✓ <b>", merged.getString("s"));
    }
}
