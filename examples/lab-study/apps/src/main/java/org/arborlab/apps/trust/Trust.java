package org.arborlab.apps.trust;

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
import org.arborlab.spi.FormModel;
import org.arborlab.spi.Page;

/**
 * The trust game (Berg, Dickhaut and McCabe 1995). Participant A gets an endowment and sends some of it to B;
 * the amount is tripled; B sends back any part of what they received.
 */
@ApplicationScoped
public class Trust extends App<Trust.Player, Trust.Group, Trust.Subsession> {
    public static final Currency ENDOWMENT = cu(10);
    public static final int MULTIPLIER = 3;

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public String doc() {
        return "Trust game: player 1 sends points to player 2, the amount is tripled, player 2 sends some back.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        @Field(label = "How much do you send to participant B?", min = "0", max = "10")
        public Currency sentAmount;

        @Field(label = "How much do you send back to participant A?", min = "0")
        public Currency sentBackAmount;

        /** B can send back at most what they received. */
        public Currency sentBackAmountMax() {
            return sentAmount.times(MULTIPLIER);
        }

        void setPayoffs() {
            Player a = playerById(1);
            Player b = playerById(2);
            a.payoff = ENDOWMENT.minus(sentAmount).plus(sentBackAmount);
            b.payoff = sentAmount.times(MULTIPLIER).minus(sentBackAmount);
        }
    }

    public static class Player extends BasePlayer<Group, Subsession> {
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Introduction(), new Send(), waitPage("SendBackWaitPage"), new SendBack(),
                waitPage("ResultsWaitPage", Group::setPayoffs), new Results());
    }

    static class Introduction extends Page<Player> {
    }

    static class Send extends Page<Player> {
        Send() {
            form(FormModel.GROUP, "sentAmount");
        }

        @Override
        public boolean isDisplayed(Player player) {
            return player.idInGroup() == 1;
        }

        /** Timed out (the admin advanced A): A sends nothing. */
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            if (player.group().sentAmount == null) {
                player.group().sentAmount = Currency.ZERO;
            }
        }
    }

    static class SendBack extends Page<Player> {
        SendBack() {
            form(FormModel.GROUP, "sentBackAmount");
        }

        @Override
        public boolean isDisplayed(Player player) {
            return player.idInGroup() == 2;
        }

        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("tripledAmount", player.group().sentAmount.times(MULTIPLIER));
        }

        /** Timed out (the admin advanced B): B sends nothing back. */
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            if (player.group().sentBackAmount == null) {
                player.group().sentBackAmount = Currency.ZERO;
            }
        }
    }

    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("tripledAmount", player.group().sentAmount.times(MULTIPLIER));
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.participant().vars().put("finished", true);
        }
    }

    /** A sends 4 (after trying 11, over the endowment), B sends back 5 of the 12: A ends with 11, B with 7. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            round.submit(Introduction.class);
            if (round.player().idInGroup() == 1) {
                round.submitInvalid(Send.class, Map.of("sentAmount", 11));
                round.submit(Send.class, Map.of("sentAmount", 4));
            } else {
                round.submitInvalid(SendBack.class, Map.of("sentBackAmount", 13));
                round.submit(SendBack.class, Map.of("sentBackAmount", 5));
            }
            round.check(player -> Expect.equal(player.payoff, player.idInGroup() == 1 ? cu(11) : cu(7)));
            round.submit(Results.class);
        };
    }
}
