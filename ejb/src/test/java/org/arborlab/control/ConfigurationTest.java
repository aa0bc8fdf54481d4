package org.arborlab.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without any MicroProfile Config implementation (as on a server that lacks one, or before it registers). */
class ConfigurationTest {

    @AfterEach
    void clear() {
        System.clearProperty("ARBOR_TEST_SETTING");
    }

    @Test
    void readsJvmOptionsWithoutMicroProfileConfig() {
        assertEquals(Optional.empty(), Configuration.value("ARBOR_TEST_SETTING"));
        System.setProperty("ARBOR_TEST_SETTING", "7");
        assertEquals(Optional.of("7"), Configuration.value("ARBOR_TEST_SETTING"));
        assertEquals(7, Configuration.integer("ARBOR_TEST_SETTING", 32, 1));
    }

    @Test
    void badNumbersNameTheSetting() {
        assertEquals(32, Configuration.integer("ARBOR_TEST_SETTING", 32, 1));
        System.setProperty("ARBOR_TEST_SETTING", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configuration.integer("ARBOR_TEST_SETTING", 32, 1));
        assertTrue(e.getMessage().contains("ARBOR_TEST_SETTING") && e.getMessage().contains("\"0\""), e.getMessage());
        System.setProperty("ARBOR_TEST_SETTING", "many");
        assertThrows(IllegalArgumentException.class, () -> Configuration.integer("ARBOR_TEST_SETTING", 32, 1));
    }
}
