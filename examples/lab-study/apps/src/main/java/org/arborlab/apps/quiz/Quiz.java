package org.arborlab.apps.quiz;

import org.arborlab.apps.ReportBars;
import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * A timed quiz: each round asks a sum within the session config's {@code quiz_timeout_seconds}; a right answer
 * in time earns a point. Players who do not consent skip to the next app. Has an admin report.
 */
@ApplicationScoped
public class Quiz extends App<Quiz.Player, Quiz.Group, Quiz.Subsession> {
    public static final Currency POINTS_PER_ANSWER = cu(1);
    public static final int NUM_ROUNDS = 3;

    @Override
    public String name() {
        return "quiz";
    }

    @Override
    public int numRounds() {
        return NUM_ROUNDS;
    }

    @Override
    public String doc() {
        return "A timed quiz: a sum per round, one point for each right answer in time.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
        public Integer a;
        public Integer b;
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(label = "I agree to take part in the quiz.")
        public Boolean consent;

        @Field(label = "Your answer", blank = true)
        public Integer answer;

        public Boolean timedOut;
    }

    /** The same questions for everyone in a round, drawn when the session is created. */
    @Override
    public void creatingSession(Subsession subsession) {
        Random random = new Random();
        subsession.a = 10 + random.nextInt(90);
        subsession.b = 10 + random.nextInt(90);
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Consent(), new Question(), new Results());
    }

    static class Consent extends Page<Player> {
        Consent() {
            form("consent");
        }

        @Override
        public boolean isDisplayed(Player player) {
            return player.roundNumber() == 1;
        }

        @Override
        public String appAfterThisPage(Player player, List<String> upcomingApps) {
            return Boolean.FALSE.equals(player.consent) && !upcomingApps.isEmpty() ? upcomingApps.get(0) : null;
        }
    }

    static class Question extends Page<Player> {
        Question() {
            form("answer");
        }

        @Override
        public String title(Player player) {
            return "Question " + player.roundNumber() + ": what is " + player.subsession().a + " + "
                    + player.subsession().b + "?";
        }

        @Override
        public Integer timeoutSeconds(Player player) {
            return player.session().config().getInt("quiz_timeout_seconds");
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            Subsession s = player.subsession();
            player.timedOut = timeoutHappened;
            boolean right = !timeoutHappened && player.answer != null && player.answer == s.a + s.b;
            player.payoff = right ? POINTS_PER_ANSWER : Currency.ZERO;
        }
    }

    static class Results extends Page<Player> {
        @Override
        public boolean isDisplayed(Player player) {
            return player.roundNumber() == NUM_ROUNDS;
        }

        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("rounds", player.inAllRounds());
        }
    }

    /** The admin report: how many answered right, wrong or too late (a bar chart), and the sorted payoffs. */
    @Override
    public Map<String, Object> varsForAdminReport(Subsession subsession) {
        List<Currency> payoffs = new ArrayList<>(subsession.players().stream().map(p -> p.payoff).toList());
        payoffs.sort(null);
        long right = payoffs.stream().filter(p -> !p.isZero()).count();
        long timedOut = subsession.players().stream().filter(p -> Boolean.TRUE.equals(p.timedOut)).count();
        long wrong = subsession.players().size() - right - timedOut;
        return Map.of("payoffs", payoffs, "rightAnswers", right, "question", subsession.a + " + " + subsession.b,
                "bars", ReportBars.of(List.of("right", "wrong", "timed out"), List.of(right, wrong, timedOut)));
    }

    /** Round 1 right, round 2 wrong, round 3 lets the page time out: 1 point. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            if (round.roundNumber() == 1) {
                round.submitInvalid(Consent.class, Map.of());
                round.submit(Consent.class, Map.of("consent", true));
            }
            switch (round.roundNumber()) {
                case 1 -> round.submit(Question.class, p -> Map.of("answer", p.subsession().a + p.subsession().b));
                case 2 -> round.submit(Question.class, p -> Map.of("answer", p.subsession().a + p.subsession().b + 1));
                default -> round.timeout(Question.class);
            }
            round.check(player -> Expect.equal(player.timedOut, round.roundNumber() == 3));
            if (round.roundNumber() == NUM_ROUNDS) {
                round.check(player -> Expect.equal(player.participant().payoff(), cu(1)));
                round.submit(Results.class);
            }
        };
    }
}
