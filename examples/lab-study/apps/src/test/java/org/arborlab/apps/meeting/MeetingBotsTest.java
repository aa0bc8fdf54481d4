package org.arborlab.apps.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.List;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.ChatLine;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The meeting game's bots agree in their group's chat, then meet. */
class MeetingBotsTest {

    @Test
    void botsChatInTheirGroupsChannelThenMeet() {
        TestSession session = TestSession.of(new Meeting()).participants(4).start();
        BotRun run = session.playBots();
        for (int p = 1; p <= 4; p++) {
            assertEquals(0, new BigDecimal(10).compareTo(run.payoff(p)), "P" + p);
        }
        List<ChatLine> all = session.chat();
        assertEquals(8, all.size(), all.toString());
        List<ChatLine> chat = all.stream().filter(l -> l.page().contains("/Discuss/")).toList();
        List<ChatLine> results = all.stream().filter(l -> l.page().contains("/Results/")).toList();
        assertEquals(4, results.size(), all.toString());
        String code = session.session().getCode().value();
        ChatLine p1 = chat.stream().filter(l -> l.idInSession() == 1).findFirst().orElseThrow();
        ChatLine p2 = chat.stream().filter(l -> l.idInSession() == 2).findFirst().orElseThrow();
        ChatLine p3 = chat.stream().filter(l -> l.idInSession() == 3).findFirst().orElseThrow();
        assertEquals(code + "-meeting-round1.group1", p1.channel());
        assertEquals(p1.channel(), p2.channel(), "one group, one channel");
        assertNotEquals(p1.channel(), p3.channel(), "another group, another channel");
        assertEquals("Participant 1", p1.nickname());
        assertEquals("Participant 2", p2.nickname());
        assertEquals("Yes, North <b>it is</b>.", p2.body());
        assertEquals("meeting/1/Discuss/1", p1.page());
        for (ChatLine line : results) {
            assertEquals(code + "-meeting-everyone", line.channel(), "one channel for the whole session");
            assertEquals("Traveller " + line.idInSession(), line.nickname());
        }
    }
}
