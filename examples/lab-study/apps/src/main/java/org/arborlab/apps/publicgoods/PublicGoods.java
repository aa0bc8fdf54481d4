package org.arborlab.apps.publicgoods;

import org.arborlab.apps.ReportBars;
import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

/**
 * A public-goods game: each of 3 players contributes part of an endowment to a common pot, which is multiplied
 * (by the session config's {@code multiplier}) and shared equally. Several rounds, same groups.
 */
@ApplicationScoped
public class PublicGoods extends App<PublicGoods.Player, PublicGoods.Group, PublicGoods.Subsession> {
    public static final Currency ENDOWMENT = cu(100);
    public static final int NUM_ROUNDS = 3;

    @Override
    public String name() {
        return "public_goods";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    @Override
    public int numRounds() {
        return NUM_ROUNDS;
    }

    @Override
    public String doc() {
        return "Public goods game: each of 3 players contributes to a common pot that is multiplied and shared.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
        /** Copied from the session config in creatingSession, so each session can have its own treatment. */
        public BigDecimal multiplier;
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        public Currency totalContribution;
        public Currency individualShare;

        void setPayoffs() {
            totalContribution = Currency.sum(players().stream().map(p -> p.contribution).toList());
            individualShare = totalContribution.times(subsession().multiplier).dividedBy(players().size());
            for (Player p : players()) {
                p.payoff = ENDOWMENT.minus(p.contribution).plus(individualShare);
            }
        }
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(label = "How much will you contribute to the project (from 0 to 100)?", min = "0", max = "100")
        public Currency contribution;
    }

    @Override
    public void creatingSession(Subsession subsession) {
        subsession.multiplier = subsession.session().config().getDecimal("multiplier");
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Contribute(), waitPage("ResultsWaitPage", Group::setPayoffs), new Results(),
                new FinalResults());
    }

    static class Contribute extends Page<Player> {
        Contribute() {
            form("contribution");
        }

        /** A page that timed out (the admin advanced the player) contributes nothing. */
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            if (player.contribution == null) {
                player.contribution = Currency.ZERO;
            }
        }

        @Override
        public String title(Player player) {
            return "Round " + player.roundNumber() + " of " + NUM_ROUNDS;
        }
    }

    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("others", player.othersInGroup());
        }
    }

    static class FinalResults extends Page<Player> {
        @Override
        public boolean isDisplayed(Player player) {
            return player.roundNumber() == NUM_ROUNDS;
        }

        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            List<Player> rounds = player.inAllRounds();
            return Map.of("rounds", rounds, "total", Currency.sum(rounds.stream().map(p -> p.payoff).toList()));
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.participant().vars().put("finished", true);
        }
    }

    /** The admin report of a round: each player's contribution as a bar chart, the total and the mean. */
    @Override
    public Map<String, Object> varsForAdminReport(Subsession subsession) {
        List<Player> players = subsession.players();
        List<String> labels = players.stream().map(p -> "P" + p.participant().idInSession()).toList();
        List<Number> amounts = players.stream()
                .map(p -> p.contribution == null ? (Number) 0 : p.contribution.amount()).toList();
        Currency total = Currency.sum(players.stream().map(p -> p.contribution == null ? Currency.ZERO : p.contribution)
                .toList());
        return Map.of("bars", ReportBars.of(labels, amounts), "totalContribution", total,
                "meanContribution", players.isEmpty() ? Currency.ZERO : total.dividedBy(players.size()),
                "contributed", players.stream().filter(p -> p.contribution != null).count());
    }

    /**
     * One row per player and round with the group's outcome and the participant's {@code finished} flag, in a
     * layout a script can read without the wide table's columns (oTree's {@code custom_export}).
     */
    @Override
    public Stream<List<Object>> customExport(Stream<Player> players) {
        return Stream.concat(
                Stream.of(row("session_code", "participant_code", "participant_label", "round_number", "id_in_group",
                        "contribution", "total_contribution", "individual_share", "multiplier", "payoff",
                        "finished")),
                players.map(p -> row(p.session().code(), p.participant().code(), p.participant().label(),
                        p.roundNumber(), p.idInGroup(), p.contribution, p.group().totalContribution,
                        p.group().individualShare, p.subsession().multiplier, p.payoff,
                        p.participant().vars().get("finished"))));
    }

    /** Contributions by round and id in group; with multiplier 2 every share is a whole number. */
    static final int[][] BOT_CONTRIBUTIONS = {{10, 20, 30}, {0, 50, 100}, {100, 100, 100}};

    @Override
    public Bot<Player> bot() {
        return round -> {
            int[] contributions = BOT_CONTRIBUTIONS[round.roundNumber() - 1];
            if (round.roundNumber() == 1) {
                round.submitInvalid(Contribute.class, Map.of("contribution", 101));
                round.submitInvalid(Contribute.class, Map.of("contribution", "ten"));
            }
            round.submit(Contribute.class, Map.of("contribution", contributions[round.player().idInGroup() - 1]));
            round.check(player -> {
                Currency share = cu(contributions[0] + contributions[1] + contributions[2])
                        .times(player.subsession().multiplier).dividedBy(3);
                Expect.equal(player.payoff, ENDOWMENT.minus(player.contribution).plus(share));
            });
            round.submit(Results.class);
            if (round.roundNumber() == NUM_ROUNDS) {
                round.submit(FinalResults.class);
            }
        };
    }
}
