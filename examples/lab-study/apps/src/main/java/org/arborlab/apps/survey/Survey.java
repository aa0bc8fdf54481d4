package org.arborlab.apps.survey;

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
import org.arborlab.spi.FormValues;
import org.arborlab.spi.Page;
import org.arborlab.spi.Widget;

/**
 * A one-player survey: demographics, a cognitive reflection question (5 points if right) and feedback. Shows
 * every kind of field and both kinds of validation: per field (bounds, choices, required) and per page.
 */
@ApplicationScoped
public class Survey extends App<Survey.Player, Survey.Group, Survey.Subsession> {
    public static final Currency BONUS = cu(5);

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public String doc() {
        return "A one-player survey with validated answers.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(label = "What is your age?", min = "13", max = "125")
        public Integer age;

        @Field(label = "What is your gender?", choices = {"Female", "Male", "Other", "Prefer not to say"},
                widget = Widget.RADIO)
        public String gender;

        @Field(label = "Are you a student?")
        public Boolean student;

        @Field(label = "A bat and a ball cost 22 dollars in total. The bat costs 20 dollars more than the ball."
                + " How many dollars does the ball cost?", min = "0")
        public Integer crtBall;

        @Field(label = "How many hours did you sleep last night?", min = "0", max = "24")
        public Double hoursOfSleep;

        @Field(label = "How many hours did you work yesterday?", min = "0", max = "24")
        public Double hoursOfWork;

        @Field(label = "How much did you enjoy this study?", choices = {"1", "2", "3", "4", "5"},
                choiceLabels = {"Not at all", "A little", "Somewhat", "Much", "Very much"},
                widget = Widget.RADIO_HORIZONTAL)
        public Integer enjoyment;

        @Field(label = "Anything you would like to tell us?", blank = true, maxLength = 2000, widget = Widget.TEXTAREA)
        public String comments;

        /** Per-field check beyond the bounds: students are rarely that old, ask again. */
        public String ageErrorMessage(Integer value) {
            return value > 100 && Boolean.TRUE.equals(student) ? "Please check your age." : null;
        }
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Demographics(), new Cognitive(), new Feedback(), new Thanks());
    }

    static class Demographics extends Page<Player> {
        Demographics() {
            form("age", "gender", "student");
            title("About you");
        }
    }

    static class Cognitive extends Page<Player> {
        Cognitive() {
            form("crtBall", "hoursOfSleep", "hoursOfWork");
            title("A few questions");
        }

        /** A check that needs several fields at once. */
        @Override
        public String errorMessage(Player player, FormValues values) {
            double sleep = values.get("hoursOfSleep") == null ? 0 : (Double) values.get("hoursOfSleep");
            double work = values.get("hoursOfWork") == null ? 0 : (Double) values.get("hoursOfWork");
            return sleep + work > 24 ? "Sleep and work cannot add up to more than 24 hours." : null;
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.payoff = player.crtBall == 1 ? BONUS : Currency.ZERO;
        }
    }

    static class Feedback extends Page<Player> {
        Feedback() {
            form("enjoyment", "comments");
            title("Your feedback");
        }
    }

    static class Thanks extends Page<Player> {
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.participant().vars().put("finished", true);
        }
    }

    /** Answers the ball question right (1), after three refused submissions. */
    @Override
    public Bot<Player> bot() {
        return round -> {
            round.submitInvalid(Demographics.class, Map.of("age", 200, "gender", "Female", "student", true));
            round.submitInvalid(Demographics.class, Map.of("age", 30, "gender", "Robot", "student", true));
            round.submit(Demographics.class, Map.of("age", 30, "gender", "Female", "student", true));
            round.submitInvalid(Cognitive.class, Map.of("crtBall", 1, "hoursOfSleep", 16, "hoursOfWork", 10));
            round.submit(Cognitive.class, Map.of("crtBall", 1, "hoursOfSleep", 7.5, "hoursOfWork", 8));
            round.check(player -> Expect.equal(player.payoff, BONUS));
            round.submit(Feedback.class, Map.of("enjoyment", 4, "comments", "Schön, danke! <b>not bold</b>"));
            round.submit(Thanks.class);
        };
    }
}
