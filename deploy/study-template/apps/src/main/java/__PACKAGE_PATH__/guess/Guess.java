package __PACKAGE__.guess;

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
 * Guess the number: each participant guesses a whole number from 0 to 100 and earns {@link #PRIZE} minus the
 * distance to {@link #TARGET}, never less than nothing. Replace it with your own app (README, "Writing an app").
 */
@ApplicationScoped
public class Guess extends App<Guess.Player, Guess.Group, Guess.Subsession> {
    public static final int TARGET = 42;
    public static final Currency PRIZE = cu(100);

    @Override
    public String name() {
        return "guess";
    }

    @Override
    public String doc() {
        return "Guess the number: the closer to " + TARGET + ", the higher the payoff.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(label = "Your guess (0 to 100)", min = "0", max = "100")
        public Integer guess;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Decide(), new Results());
    }

    /** The form: Arbor's built-in form page shows the field (no template needed). */
    static class Decide extends Page<Player> {
        Decide() {
            form(FormModel.PLAYER, "guess");
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            Currency distance = cu(Math.abs(player.guess - TARGET));
            player.payoff = distance.compareTo(PRIZE) > 0 ? Currency.ZERO : PRIZE.minus(distance);
        }
    }

    /** Shown with its template, Results.xhtml, next to this class in src/main/resources. */
    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("distance", Math.abs(player.guess - TARGET));
        }
    }

    /** Guesses 101 (refused: over the maximum), then 40: 2 away, so the payoff is 98. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            round.submitInvalid(Decide.class, Map.of("guess", 101));
            round.submit(Decide.class, Map.of("guess", 40));
            round.check(player -> Expect.equal(player.payoff, cu(98)));
            round.submit(Results.class);
        };
    }
}
