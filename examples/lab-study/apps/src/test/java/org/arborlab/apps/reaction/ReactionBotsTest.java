package org.arborlab.apps.reaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.entity.Player;
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

    @Test
    void customExportHasOneRowPerTrial() {
        TestSession session = TestSession.of(new Reaction()).config("num_trials", 5).participants(2).start();
        session.playBots();
        var scope = session.scope();
        Stream<Reaction.Player> players = session.storage().all(Player.class).stream()
                .map(p -> (Reaction.Player) scope.player(p));
        List<List<Object>> rows = new Reaction().customExport(players).toList();
        assertEquals(List.of("session_code", "participant_code", "id_in_group", "round_number", "trial", "stimulus",
                "response", "reaction_time", "correct"), rows.get(0));
        assertEquals(1 + 2 * 5, rows.size());
        List<Object> first = rows.get(1);
        assertEquals(session.code(1), first.get(1));
        assertEquals(Reaction.PRACTICE_TRIALS + 1, first.get(4));
        assertEquals(300 + 10 * (Reaction.PRACTICE_TRIALS + 1), first.get(7));
        assertEquals(false, first.get(8), "the bot answers the first real trial wrong");
        assertEquals(true, rows.get(2).get(8));
    }
}
