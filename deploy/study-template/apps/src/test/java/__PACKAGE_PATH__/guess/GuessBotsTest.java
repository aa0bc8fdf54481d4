package __PACKAGE__.guess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The app's bots, played in memory through Arbor's engine (no server): mvn test runs them. */
class GuessBotsTest {

    @Test
    void botsPlayThreeParticipants() {
        BotRun run = TestSession.of(new Guess()).participants(3).start().playBots();
        for (int p = 1; p <= 3; p++) {
            assertEquals(new BigDecimal(98), run.payoff(p).stripTrailingZeros(), "P" + p);
        }
    }
}
