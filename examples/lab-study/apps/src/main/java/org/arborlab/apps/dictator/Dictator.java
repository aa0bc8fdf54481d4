package org.arborlab.apps.dictator;

import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Bot;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Expect;
import org.arborlab.spi.Field;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;

/**
 * A dictator game whose pairs form by arrival time (oTree's {@code group_by_arrival_time}): the first two
 * participants to reach the first page play together, then the next two, and so on. The first of a pair splits
 * 100 points. Someone who waits longer than the config's {@code max_wait_seconds} without a partner goes on alone
 * and gets {@link #ALONE_PAYOFF}.
 */
@ApplicationScoped
public class Dictator extends App<Dictator.Player, Dictator.Group, Dictator.Subsession> {
    public static final Currency ENDOWMENT = cu(100);
    public static final Currency ALONE_PAYOFF = cu(50);
    /** Used when the session config has no {@code max_wait_seconds}. */
    public static final int DEFAULT_MAX_WAIT_SECONDS = 300;

    @Override
    public String name() {
        return "dictator";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public String doc() {
        return "Dictator game for pairs formed by arrival time; a participant who waits too long plays alone.";
    }

    @Override
    public List<String> roles() {
        return List.of("Dictator", "Receiver");
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        @Field(label = "How many of the 100 points do you keep?", min = "0", max = "100")
        public Currency kept;

        void setPayoffs() {
            if (players().size() == 1) {
                players().get(0).payoff = ALONE_PAYOFF;
                return;
            }
            playerById(1).payoff = kept;
            playerById(2).payoff = ENDOWMENT.minus(kept);
        }
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        /** The order in which this player's pair formed: 1 for the first pair. */
        public Integer pairNumber;

        boolean isAlone() {
            return group().players().size() == 1;
        }
    }

    /**
     * The default pairs the first two waiting players; this adds oTree's usual way out: a player who has waited
     * too long goes on alone.
     */
    @Override
    public List<Player> groupByArrivalTimeMethod(Subsession subsession, List<Player> waitingPlayers) {
        if (waitingPlayers.size() >= 2) {
            return waitingPlayers.subList(0, 2);
        }
        int maxWait = subsession.session().config().containsKey("max_wait_seconds")
                ? subsession.session().config().getInt("max_wait_seconds") : DEFAULT_MAX_WAIT_SECONDS;
        for (Player player : waitingPlayers) {
            if (player.participant().timeOnPage().toSeconds() >= maxWait) {
                return List.of(player);
            }
        }
        return null;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Matching(), new Offer(), waitPage("ResultsWaitPage", Group::setPayoffs), new Results());
    }

    static class Matching extends WaitPage<Player, Group, Subsession> {
        Matching() {
            text("Finding you a partner", "You will be paired with the next participant who arrives.");
        }

        @Override
        public boolean groupByArrivalTime() {
            return true;
        }

        @Override
        public void afterAllPlayersArrive(Group group) {
            int pair = group.subsession().groups().size();
            group.players().forEach(p -> p.pairNumber = pair);
        }
    }

    static class Offer extends Page<Player> {
        Offer() {
            form(org.arborlab.spi.FormModel.GROUP, "kept");
        }

        @Override
        public boolean isDisplayed(Player player) {
            return player.idInGroup() == 1 && !player.isAlone();
        }
    }

    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("alone", player.isAlone());
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.participant().vars().put("finished", true);
        }
    }

    /** The dictator keeps 70 (after trying 101); dictators end with 70, receivers with 30, a lone player with 50. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            Player player = round.player();
            if (player.isAlone()) {
                round.check(p -> Expect.equal(p.payoff, ALONE_PAYOFF));
            } else {
                if (player.idInGroup() == 1) {
                    round.submitInvalid(Offer.class, Map.of("kept", 101));
                    round.submit(Offer.class, Map.of("kept", 70));
                }
                round.check(p -> Expect.equal(p.payoff, p.idInGroup() == 1 ? cu(70) : cu(30)));
            }
            round.submit(Results.class);
        };
    }
}
