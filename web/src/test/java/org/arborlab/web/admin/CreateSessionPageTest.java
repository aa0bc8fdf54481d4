package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CreateSessionPageTest {

    @Test
    void serviceMessagesReadWithoutApiNamesOrEchoedValues() {
        assertEquals("This value must be at least 0.", CreateSessionPage.readable(
                "modified_session_config_fields.participation_fee must be at least 0, got -1"));
        assertEquals("The number of participants must be at most 10000.", CreateSessionPage.readable(
                "num_participants must be at most 10000, got 100000"));
        assertEquals("Session Config trust: Number of participants (3) is not a multiple of group size (2).",
                CreateSessionPage.readable(
                        "Session Config trust: Number of participants (3) is not a multiple of group size (2)"));
    }
}
