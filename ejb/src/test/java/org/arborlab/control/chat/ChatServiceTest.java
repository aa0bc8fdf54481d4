package org.arborlab.control.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatServiceTest {

    @Test
    void exportCellsAreQuotedAsPythonsCsvWriterDoesAndKeepToOneLine() {
        assertEquals("Is it in points?", ChatService.csv("Is it in points?"));
        assertEquals("\"Yes, in points.\"", ChatService.csv("Yes, in points."));
        assertEquals("\"She said \"\"hi\"\"\"", ChatService.csv("She said \"hi\""));
        assertEquals("two lines", ChatService.csv("two\nlines").replace("  ", " "));
        assertEquals("", ChatService.csv(null));
        assertEquals("3", ChatService.csv(3));
    }

    @Test
    void timestampsAreEpochSecondsWithMilliseconds() {
        assertEquals("1796647225.682", ChatService.timestamp(1_796_647_225_682L));
        assertEquals("1796647225.000", ChatService.timestamp(1_796_647_225_000L));
    }

    @Test
    void theExperimentersConversationWithAParticipantIsItsOwnChannel() {
        assertEquals("experimenter-abcd1234", ChatService.experimenterChannel("abcd1234"));
    }
}
