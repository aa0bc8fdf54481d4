package org.arborlab.apps.quiz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arborlab.apps.ProjectMocks;
import org.arborlab.apps.survey.Survey;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/**
 * The quiz's bots, then the survey's: one round the bot lets the page time out, which in memory moves the clock
 * instead of waiting the config's 30 seconds.
 */
class QuizBotsTest {

    @Test
    void botsAnswerAndTimeOut() {
        BotRun run = TestSession.of(new Quiz(), new Survey()).participants(1).config("quiz_timeout_seconds", 30)
                .config("mock_exogenous_data", true).mocks(new ProjectMocks()).start().playBots();
        assertTrue(run.session().storage().completions(run.session().participants().get(0)).stream()
                .anyMatch(c -> c.isTimeoutHappened()), "a page timed out");
        assertTrue(run.millis() < 30_000, "no real waiting");
    }
}
