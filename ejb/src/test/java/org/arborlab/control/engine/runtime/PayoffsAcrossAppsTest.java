package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.spi.Currency.cu;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.arborlab.entity.Participant;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** A participant's payoff is the sum of its players' payoffs over every app and round, also while hooks run. */
class PayoffsAcrossAppsTest {

    /** Each round's Earn page pays {@code round × per round}; the last round takes 1 back from round 1. */
    static class Earn extends App<Earn.Player, Earn.Group, Earn.Subsession> {
        private final String name;
        private final int perRound;
        private final int rounds;

        Earn(String name, int perRound, int rounds) {
            this.name = name;
            this.perRound = perRound;
            this.rounds = rounds;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int numRounds() {
            return rounds;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            /** The participant's payoff as the hook saw it, after this round's payoff was set. */
            public Currency totalSeen;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Paid());
        }

        class Paid extends Page<Player> {
            @Override
            public void beforeNextPage(Player player, boolean timeoutHappened) {
                player.payoff = cu(player.roundNumber() * perRound);
                if (player.roundNumber() == rounds && rounds > 1) {
                    Player first = player.inRound(1);
                    first.payoff = first.payoff.minus(cu(1));
                }
                player.totalSeen = player.participant().payoff();
            }
        }
    }

    @Test
    void theParticipantsPayoffSumsEveryAppAndRound() {
        TestSession s = TestSession.of(new Earn("first", 10, 3), new Earn("second", 100, 1)).participants(2).start();
        open(s, 1);
        Participant p1 = s.participants().get(0);
        List<Integer> totals = new java.util.ArrayList<>();
        List<Currency> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            String app = page < 3 ? "first" : "second";
            int round = page < 3 ? page + 1 : 1;
            submit(s, 1, Map.of());
            totals.add(p1.getPayoff().intValueExact());
            seen.add(((Earn.Player) s.scope().player(p1, app, round)).totalSeen);
        }
        // first: 10, 20, 30 (and round 1 loses 1 in round 3); second: 100
        assertEquals(List.of(10, 30, 59, 159),
                totals);
        assertEquals(List.of(cu(10), cu(30), cu(59), cu(159)), seen, "the hook sees its own changes at once");
        assertEquals(cu(9), ((Earn.Player) s.scope().player(p1, "first", 1)).payoff);
        assertEquals(BigDecimal.ZERO, s.participants().get(1).getPayoff().stripTrailingZeros(), "P2 has not played");
        assertEquals(cu(159), s.scope().participant(p1).payoff());
    }
}
