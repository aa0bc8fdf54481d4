package org.arborlab.apps.livepublicgoods;

import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.arborlab.spi.Page;

/**
 * A real-time public-goods game (oTree's live pages): 4 players move their contribution to a common pot on a
 * live page and see everyone's contribution change at once; when all have clicked Next, the pot is doubled and
 * shared equally. Each change is a live message ({@code liveSend({contribution: 7})}); the page's liveMethod
 * stores it and answers the whole group with the new contributions.
 */
@ApplicationScoped
public class LivePublicGoods extends App<LivePublicGoods.Player, LivePublicGoods.Group, LivePublicGoods.Subsession> {
    public static final Currency ENDOWMENT = cu(10);
    public static final int MULTIPLIER = 2;
    public static final int PLAYERS_PER_GROUP = 4;

    @Override
    public String name() {
        return "live_public_goods";
    }

    @Override
    public int playersPerGroup() {
        return PLAYERS_PER_GROUP;
    }

    @Override
    public String doc() {
        return "Real-time public goods game: 4 players change their contributions live and see each other's.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        public Integer totalContribution = 0;
        /** How many contributions were changed on the live page, by anyone of the group. */
        public Integer changes = 0;
        public Currency individualShare;

        void setPayoffs() {
            individualShare = cu(totalContribution).times(MULTIPLIER).dividedBy(players().size());
            for (Player p : players()) {
                p.payoff = ENDOWMENT.minus(cu(p.contribution)).plus(individualShare);
            }
        }

        /** Everyone's contribution, in the order of their id in group. */
        List<Integer> contributions() {
            return players().stream().map(p -> p.contribution).toList();
        }
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        /** Whole points from 0 to the endowment; changed only through the live page. */
        public Integer contribution = 0;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Contribute(), waitPage("ResultsWaitPage", Group::setPayoffs), new Results());
    }

    static class Contribute extends Page<Player> {
        Contribute() {
            title("Contribute to the group's project");
        }

        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("contributions", player.group().contributions(), "endowment", ENDOWMENT.amount().intValue());
        }

        /**
         * {@code {"contribution": n}}: the player's new contribution; the group gets everyone's. Anything else is
         * answered to the sender only, with what went wrong, and changes nothing.
         */
        @Override
        public Map<Integer, ?> liveMethod(Player player, JsonValue data) {
            Integer amount = amount(data);
            if (amount == null) {
                return Map.of(player.idInGroup(), Map.of("error", "Send {\"contribution\": n} with a whole number "
                        + "from 0 to " + ENDOWMENT.amount().intValue() + "."));
            }
            Group group = player.group();
            player.contribution = amount;
            group.totalContribution = group.contributions().stream().mapToInt(Integer::intValue).sum();
            group.changes++;
            return Map.of(0, Map.of("id_in_group", player.idInGroup(), "contribution", amount,
                    "contributions", group.contributions(), "total", group.totalContribution));
        }

        private static Integer amount(JsonValue data) {
            if (!(data instanceof JsonObject message) || !(message.get("contribution") instanceof JsonNumber n)
                    || !n.isIntegral()) {
                return null;
            }
            long value = n.longValue();
            return value >= 0 && value <= ENDOWMENT.amount().longValue() ? (int) value : null;
        }
    }

    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("contributions", player.group().contributions());
        }
    }

    /** Each bot sends a bad message, then contributes twice its id in group (2, 4, 6, 8), then moves on. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            int id = round.player().idInGroup();
            round.live(Contribute.class, Map.of("contribution", 11), received -> Expect.that(
                    received.asJsonObject().getString("error").startsWith("Send {\"contribution\": n}"),
                    "an out-of-range contribution is refused: " + received));
            round.live(Contribute.class, Map.of("contribution", 2 * id), received -> {
                JsonObject answer = received.asJsonObject();
                Expect.equal(answer.getInt("id_in_group"), id);
                Expect.equal(answer.getInt("contribution"), 2 * id);
            });
            round.check(player -> Expect.equal(player.contribution, 2 * id));
            round.submit(Contribute.class);
            // 2 + 4 + 6 + 8 = 20, doubled and shared by 4: 10 each
            round.check(player -> Expect.equal(player.payoff, ENDOWMENT.minus(cu(2 * id)).plus(cu(10))));
            round.submit(Results.class);
        };
    }
}
