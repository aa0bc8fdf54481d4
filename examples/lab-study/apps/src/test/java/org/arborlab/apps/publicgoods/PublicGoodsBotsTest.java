package org.arborlab.apps.publicgoods;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The public goods game's bots over three rounds, with the settings' multiplier. */
class PublicGoodsBotsTest {

    @Test
    void botsPlayThreeRounds() {
        BotRun run = TestSession.of(new PublicGoods()).participants(3).config("multiplier", 2).start().playBots();
        for (int p = 1; p <= 3; p++) {
            assertTrue(run.payoff(p).signum() > 0, "P" + p + " earned something: " + run.payoff(p));
        }
    }
}
