package org.arborlab.apps.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The trust game's bots, played in memory: the refused amounts, the payoffs the bot checks. */
class TrustBotsTest {

    @Test
    void botsPlayTwoGroups() {
        BotRun run = TestSession.of(new Trust()).participants(4).start().playBots();
        for (int p = 1; p <= 4; p++) {
            assertEquals(new BigDecimal(p % 2 == 1 ? 11 : 7), run.payoff(p).stripTrailingZeros(), "P" + p);
        }
    }
}
