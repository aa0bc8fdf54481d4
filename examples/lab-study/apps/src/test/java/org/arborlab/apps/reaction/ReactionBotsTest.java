package org.arborlab.apps.reaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The reaction-time task's bots, played in memory: trials drawn, answered, practice deleted, scored. */
class ReactionBotsTest {

    @Test
    void botsAnswerEveryTrialAndPracticeIsDeleted() {
        TestSession session = TestSession.of(new Reaction()).config("num_trials", 12).participants(3).start();
        BotRun run = session.playBots();
        for (int p = 1; p <= 3; p++) {
            assertEquals(new BigDecimal(11), run.payoff(p).stripTrailingZeros(), "P" + p);
        }
        List<ExtraModelRow> rows = session.storage().all(ExtraModelRow.class);
        assertEquals(3 * 12, rows.size(), "12 trials each; the 2 practice trials of each deleted");
        assertTrue(rows.stream().allMatch(r -> r.getModelName().equals("Trial") && r.getAppName().equals("reaction")
                && r.getFields().getInt("reactionTime") >= 300 + 10 * (Reaction.PRACTICE_TRIALS + 1)));
    }
}
