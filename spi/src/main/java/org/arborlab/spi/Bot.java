package org.arborlab.spi;

/**
 * A bot plays an app like a participant, over HTTP: it says, round by round, what it submits on each page and
 * what it expects. Arbor's bot runner follows the pages the server actually shows, waits on wait pages, and
 * fails if a page differs from the bot's plan.
 *
 * <pre>{@code
 * public Bot<Player> bot() {
 *     return round -> {
 *         round.submit(Introduction.class);
 *         if (round.player().idInGroup() == 1) {
 *             round.submitInvalid(Send.class, Map.of("sentAmount", 11));   // over the maximum
 *             round.submit(Send.class, Map.of("sentAmount", 4));
 *         }
 *         round.check(player -> Expect.equal(player.payoff, cu(11)));
 *         round.submit(Results.class);
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Bot<P extends BasePlayer<?, ?>> {

    /** Plans one round; called when the bot reaches the round's first page. */
    void playRound(BotRound<P> round);
}
