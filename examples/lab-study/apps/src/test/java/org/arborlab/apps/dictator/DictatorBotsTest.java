package org.arborlab.apps.dictator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.arborlab.control.engine.runtime.Outcome;
import org.arborlab.testing.BotRun;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The dictator game's bots: pairs form by arrival; a participant left without a partner goes on alone. */
class DictatorBotsTest {

    @Test
    void botsPlayInPairsFormedByArrival() {
        BotRun run = TestSession.of(new Dictator()).participants(6).start().playBots();
        for (int p = 1; p <= 6; p++) {
            // the bots arrive P1, P2, ... in turn, so P1 and P2 are the first pair, and so on
            assertEquals(0, new BigDecimal(p % 2 == 1 ? 70 : 30).compareTo(run.payoff(p)), "P" + p + ": "
                    + run.payoff(p));
        }
    }

    @Test
    void aParticipantWithoutAPartnerGoesOnAloneAfterTheMaximumWait() {
        TestSession session = TestSession.of(new Dictator()).participants(2).config("max_wait_seconds", 60).start();
        String code = session.code(1);
        session.play().start(code, null);
        assertEquals("Matching", session.participants().get(0).getCurrentPageName());
        session.clock().advance(Duration.ofSeconds(59));
        visit(session, code);
        assertEquals("Matching", session.participants().get(0).getCurrentPageName(), "59 s: still waiting");
        session.clock().advance(Duration.ofSeconds(1));
        visit(session, code);
        assertEquals("Results", session.participants().get(0).getCurrentPageName(), "60 s: on alone");
        session.play().submit(code, session.participants().get(0).getIndexInPages(), Map.of(), false);
        assertEquals(0, Dictator.ALONE_PAYOFF.amount().compareTo(session.participants().get(0).getPayoff()));
    }

    /** The participant's browser: shows the current page and follows redirects (through the results wait page). */
    private static void visit(TestSession session, String code) {
        Outcome outcome = session.play().show(code, session.participants().get(0).getIndexInPages());
        while (outcome instanceof Outcome.Redirect redirect && redirect.path().startsWith("/p/")) {
            String path = redirect.path();
            outcome = session.play().show(code, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
        }
    }
}
