package org.arborlab.apps.livepublicgoods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The real-time public goods game's bots, live messages included, in two groups. */
class LivePublicGoodsBotsTest {

    @Test
    void botsPlayTwoGroupsWithLiveMessages() {
        TestSession session = TestSession.of(new LivePublicGoods()).participants(8).start();
        BotRun run = session.playBots();
        for (int p = 1; p <= 8; p++) {
            int id = (p - 1) % 4 + 1;
            // 10 - 2 * id + (2 + 4 + 6 + 8) * 2 / 4
            assertEquals(new BigDecimal(20 - 2 * id), run.payoff(p).stripTrailingZeros().setScale(0),
                    "P" + p + " (id in group " + id + ")");
        }
        LivePublicGoods.Player p1 = (LivePublicGoods.Player) session.scope()
                .player(session.participants().get(0), "live_public_goods", 1);
        // each bot's good message changed its group once; the refused ones changed nothing
        assertEquals(4, p1.group().changes);
        assertEquals(20, p1.group().totalContribution);
    }
}
