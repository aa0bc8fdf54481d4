package org.arborlab.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestKeyCheckTest {
    private static final Optional<String> KEY = Optional.of("s3cret");

    @Test
    void withoutAuthLevelEverythingIsOpen() {
        assertEquals(Optional.empty(), RestKeyCheck.refusal(AuthLevel.NONE, Optional.empty(), null));
        assertEquals(Optional.empty(), RestKeyCheck.refusal(AuthLevel.NONE, KEY, "wrong"));
    }

    @Test
    void oTreesThreeMessagesInOTreesOrder() {
        for (AuthLevel level : new AuthLevel[] {AuthLevel.DEMO, AuthLevel.STUDY}) {
            assertEquals(Optional.of(RestKeyCheck.UNDEFINED), RestKeyCheck.refusal(level, Optional.empty(), "x"));
            assertEquals(Optional.of(RestKeyCheck.UNDEFINED), RestKeyCheck.refusal(level, Optional.of(""), "x"));
            assertEquals(Optional.of(RestKeyCheck.MISSING), RestKeyCheck.refusal(level, KEY, null));
            assertEquals(Optional.of(RestKeyCheck.MISSING), RestKeyCheck.refusal(level, KEY, ""));
            assertEquals(Optional.of(RestKeyCheck.INCORRECT), RestKeyCheck.refusal(level, KEY, "S3CRET"));
            assertEquals(Optional.of(RestKeyCheck.INCORRECT), RestKeyCheck.refusal(level, KEY, "s3cret "));
            assertEquals(Optional.of(RestKeyCheck.INCORRECT), RestKeyCheck.refusal(level, KEY, "s3cre"));
            assertEquals(Optional.empty(), RestKeyCheck.refusal(level, KEY, "s3cret"));
        }
    }

    @Test
    void authLevelIsCaseSensitiveAndStrict() {
        assertEquals(AuthLevel.NONE, AuthLevel.parse(null));
        assertEquals(AuthLevel.NONE, AuthLevel.parse(""));
        assertEquals(AuthLevel.DEMO, AuthLevel.parse("DEMO"));
        assertEquals(AuthLevel.STUDY, AuthLevel.parse("STUDY"));
        assertEquals("OTREE_AUTH_LEVEL is \"demo\"; it must be unset, empty, DEMO or STUDY (upper case)",
                assertThrows(IllegalArgumentException.class, () -> AuthLevel.parse("demo")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AuthLevel.parse("FOO"));
    }
}
