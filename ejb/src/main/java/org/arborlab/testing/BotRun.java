package org.arborlab.testing;

import java.math.BigDecimal;

/**
 * A finished bot run in memory: every bot reached the end with all its checks passed.
 *
 * @param session   the session, to look at its data after the run
 * @param pageViews the pages the bots were shown (form and wait pages, each visit counted)
 * @param millis    how long the run took
 */
public record BotRun(TestSession session, int pageViews, long millis) {

    /** A participant's total payoff (sum over its players), by id in session (1 = P1). */
    public BigDecimal payoff(int idInSession) {
        return session.participants().get(idInSession - 1).getPayoff();
    }
}
