package org.arborlab.control.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.function.UnaryOperator;
import org.arborlab.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class ChatChannelsTest {
    /** A stand-in for the server's HMAC: any function the browser cannot compute. */
    private static final UnaryOperator<String> SIGN = text -> Integer.toHexString(("secret" + text).hashCode())
            + "0123456789abcdef0123456789abcdef";

    @Test
    void theDefaultChannelIsTheGroupOfTheRoundWithinSessionAndApp() {
        assertEquals("s1abcdef-meeting-round1.group2", ChatChannels.channel("s1abcdef", "meeting", null, 1, 2));
        assertEquals("s1abcdef-meeting-round1.group2", ChatChannels.channel("s1abcdef", "meeting", " ", 1, 2));
        assertNotEquals(ChatChannels.channel("s1abcdef", "meeting", null, 1, 1),
                ChatChannels.channel("s1abcdef", "meeting", null, 1, 2), "groups are apart");
        assertNotEquals(ChatChannels.channel("s1abcdef", "meeting", null, 1, 1),
                ChatChannels.channel("s1abcdef", "meeting", null, 2, 1), "rounds are apart");
    }

    @Test
    void aDeclaredChannelIsPrefixedSoItNeverCrossesSessionsOrApps() {
        assertEquals("s1abcdef-meeting-lobby_2-a", ChatChannels.channel("s1abcdef", "meeting", "lobby_2-a", 1, 1));
        assertNotEquals(ChatChannels.channel("s1abcdef", "meeting", "lobby", 1, 1),
                ChatChannels.channel("s2abcdef", "meeting", "lobby", 1, 1));
        assertNotEquals(ChatChannels.channel("s1abcdef", "meeting", "lobby", 1, 1),
                ChatChannels.channel("s1abcdef", "trust", "lobby", 1, 1));
    }

    @Test
    void noDeclaredNameCanLandInAGroupsChannel() {
        // the group channel has a dot, which declared names may not have
        assertThrows(IllegalArgumentException.class,
                () -> ChatChannels.channel("s1abcdef", "meeting", "round1.group2", 1, 1));
        for (String bad : new String[] {"a b", "<script>", "x/y", "ü", "a".repeat(101)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ChatChannels.channel("s1abcdef", "meeting", bad, 1, 1), bad);
            assertTrue(e.getMessage().contains("letters, digits, _ and -"), e.getMessage());
        }
    }

    @Test
    void nicknamesDefaultToTheIdInGroupAndAreOneLine() {
        assertEquals("Participant 3", ChatChannels.nickname(null, 3));
        assertEquals("Participant 3", ChatChannels.nickname("", 3));
        assertEquals("Buyer A", ChatChannels.nickname("  Buyer\nA ", 1));
        assertThrows(IllegalArgumentException.class, () -> ChatChannels.nickname("n".repeat(101), 1));
    }

    @Test
    void bodiesAreStrippedAndLimited() {
        assertEquals("hello", ChatChannels.body("  hello \n"));
        assertEquals("<b>bold</b>", ChatChannels.body("<b>bold</b>"), "stored as written; pages show it as text");
        assertEquals(2000, ChatChannels.body("x".repeat(2000)).length());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> ChatChannels.body("x".repeat(2001)));
        assertEquals("The message is too long (at most 2000 characters).", tooLong.getMessage());
        assertEquals("The message is empty.",
                assertThrows(InvalidInputException.class, () -> ChatChannels.body("   ")).getMessage());
        assertThrows(InvalidInputException.class, () -> ChatChannels.body(null));
        // characters, not UTF-16 units: 2000 emoji fit
        assertEquals(4000, ChatChannels.body("\uD83D\uDE00".repeat(2000)).length());
    }

    @Test
    void theRateLimitAllowsFiveMessagesInTenSeconds() {
        assertTrue(ChatChannels.mayWrite(0));
        assertTrue(ChatChannels.mayWrite(4));
        assertFalse(ChatChannels.mayWrite(5));
        assertEquals(10_000, ChatChannels.WINDOW_MILLIS);
    }

    @Test
    void aTicketReadsBackOnlyWithTheServersSignature() {
        ChatTicket ticket = new ChatTicket("pcode123", "s1abcdef-meeting-round1.group1", "Participant 1");
        String text = ticket.encode(SIGN);
        assertEquals(ticket, ChatTicket.decode(text, SIGN).orElseThrow());
        assertTrue(ChatTicket.decode(text, t -> "other" + SIGN.apply(t)).isEmpty(), "another secret");
    }

    @Test
    void aTicketWhoseChannelOrNicknameWasChangedIsRefused() {
        ChatTicket ticket = new ChatTicket("pcode123", "s1abcdef-meeting-round1.group1", "Participant 1");
        String signature = ticket.encode(SIGN).substring(ticket.encode(SIGN).indexOf('.'));
        for (String payload : new String[] {"c1\npcode123\ns1abcdef-meeting-round1.group2\nParticipant 1",
                "c1\npcode123\ns1abcdef-meeting-round1.group1\nParticipant 2",
                "c1\npcode999\ns1abcdef-meeting-round1.group1\nParticipant 1"}) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + signature;
            assertTrue(ChatTicket.decode(forged, SIGN).isEmpty(), payload);
        }
        for (String junk : new String[] {null, "", ".", "abc", "!!!.x", "a".repeat(3000)}) {
            assertTrue(ChatTicket.decode(junk, SIGN).isEmpty(), String.valueOf(junk));
        }
    }

    @Test
    void pushKeysDependOnTheChannelAndTheSecret() {
        String key = ChatTicket.liveKey("s1abcdef-meeting-round1.group1", SIGN);
        assertEquals(32, key.length());
        assertNotEquals(key, ChatTicket.liveKey("s1abcdef-meeting-round1.group2", SIGN));
    }

    @Test
    void htmlInAnExportedBodyStaysOneQuotedCell() {
        assertEquals("\"<script>alert(\"\"x\"\")</script>, hi\"", ChatService.csv("<script>alert(\"x\")</script>, hi"));
        assertEquals("<img src=x onerror=alert(1)>", ChatService.csv("<img src=x onerror=alert(1)>"));
    }
}
