package org.arborlab.apps.meeting;

import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
import org.arborlab.spi.Widget;

/**
 * Chat, then decide: a pair may talk in a chat (their group's channel, {@code <arbor:chat/>} in
 * {@code Discuss.xhtml} and {@code Choose.xhtml}), then each chooses a meeting point alone. Both earn
 * {@link #MET} if they chose the same point, nothing otherwise. The results page has a chat of the whole session
 * ({@code channel="everyone"}, nicknames "Traveller {id in session}").
 */
@ApplicationScoped
public class Meeting extends App<Meeting.Player, Meeting.Group, Meeting.Subsession> {
    public static final Currency MET = cu(10);
    public static final List<String> POINTS = List.of("North", "South");

    @Override
    public String name() {
        return "meeting";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public String doc() {
        return "Pairs chat, then each chooses a meeting point; both earn 10 points if they chose the same.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {

        void setPayoffs() {
            boolean met = players().stream().map(p -> p.point).distinct().count() == 1;
            players().forEach(p -> p.payoff = met ? MET : cu(0));
        }
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(label = "Where do you go?", choices = {"North", "South"}, widget = Widget.RADIO)
        public String point;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Discuss(), new Choose(), waitPage("ResultsWaitPage", Group::setPayoffs), new Results());
    }

    static class Discuss extends Page<Player> {
    }

    static class Choose extends Page<Player> {
        Choose() {
            form(FormModel.PLAYER, "point");
        }
    }

    static class Results extends Page<Player> {
    }

    /**
     * P1 proposes in the pair's chat, P2 agrees; both then choose the agreed point, meet, and say so in the
     * session-wide chat of the results page.
     */
    @Override
    public Bot<Player> bot() {
        return round -> {
            if (round.player().idInGroup() == 1) {
                round.chat(Discuss.class, "Shall we meet at North?");
            } else {
                round.chat(Discuss.class, "Yes, North <b>it is</b>.");
            }
            round.submit(Discuss.class);
            round.submit(Choose.class, java.util.Map.of("point", "North"));
            round.check(player -> Expect.equal(player.payoff, MET));
            round.chat(Results.class, "We met.");   // the session-wide channel "everyone"
            round.submit(Results.class);
        };
    }
}
