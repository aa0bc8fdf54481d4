package org.arborlab.apps.reaction;

import static org.arborlab.spi.Currency.cu;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Bot;
import org.arborlab.spi.Expect;
import org.arborlab.spi.ExtraModel;
import org.arborlab.spi.Field;
import org.arborlab.spi.FormValues;
import org.arborlab.spi.Page;

/**
 * A reaction-time task: each participant sees a sequence of arrows and presses F for a left one and J for a right
 * one, as fast as they can; every trial (stimulus, key, time) is a {@link Trial} record, an extra model linked to
 * the player. The trials are drawn when the session is created ({@code num_trials} in the session config, plus
 * {@link #PRACTICE_TRIALS} practice trials that are deleted after the task), the page's script sends the responses,
 * and the custom export has one row per trial.
 */
@ApplicationScoped
public class Reaction extends App<Reaction.Player, Reaction.Group, Reaction.Subsession> {
    public static final int PRACTICE_TRIALS = 2;
    /** Trials when the session config has no {@code num_trials}. */
    public static final int DEFAULT_TRIALS = 20;
    /** The slowest response that counts, in milliseconds. */
    public static final int MAX_REACTION_MS = 60_000;

    @Override
    public String name() {
        return "reaction";
    }

    @Override
    public String doc() {
        return "A reaction-time task: one point per right key; every trial is kept and in the custom export.";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        /** What the page's script sends: one {@code KEY:milliseconds} per trial, e.g. {@code F:412;J:388}. */
        @Field(label = "Responses", maxLength = 1_000_000)
        public String responses;

        public Integer numCorrect;

        public Double meanReactionTime;
    }

    /** One trial of the task: an extra model, so a participant can have any number of them. */
    public static class Trial extends ExtraModel<Player> {
        /** 1, 2, ... in the order shown; practice trials come first. */
        public Integer number;
        public Boolean practice = false;
        /** "left" or "right". */
        public String stimulus;
        /** The key pressed: "F" or "J". */
        public String response;
        /** Milliseconds from the arrow's appearance to the key press. */
        public Integer reactionTime;
        public Boolean correct = false;
    }

    static int numTrials(Subsession subsession) {
        var config = subsession.session().config();
        return config.containsKey("num_trials") ? config.getInt("num_trials") : DEFAULT_TRIALS;
    }

    /** Draws every participant's arrows, practice trials first. */
    @Override
    public void creatingSession(Subsession subsession) {
        Random random = new Random();
        int trials = numTrials(subsession);
        for (Player player : subsession.players()) {
            for (int i = 1; i <= PRACTICE_TRIALS + trials; i++) {
                Trial trial = player.create(Trial.class);
                trial.number = i;
                trial.practice = i <= PRACTICE_TRIALS;
                trial.stimulus = random.nextBoolean() ? "left" : "right";
            }
        }
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Introduction(), new Task(), new Results());
    }

    /** The instructions; a page that does not ask for the trials does not read them. */
    static class Introduction extends Page<Player> {
    }

    static class Task extends Page<Player> {
        Task() {
            form("responses");
            title("Press F for ←, J for →");
        }

        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("trials", player.filter(Trial.class));
        }

        @Override
        public String errorMessage(Player player, FormValues values) {
            String[] answers = split(values.getString("responses"));
            int trials = player.filter(Trial.class).size();
            if (answers.length != trials) {
                return "The task sent " + answers.length + " responses for " + trials + " trials; please start again.";
            }
            for (String answer : answers) {
                if (!answer.matches("[FJ]:\\d{1,5}") || Integer.parseInt(answer.substring(2)) > MAX_REACTION_MS) {
                    return "The task sent a response it cannot read (" + answer + "); please start again.";
                }
            }
            return null;
        }

        /** Stores each response on its trial, drops the practice trials, and scores the rest. */
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            String[] answers = split(player.responses);
            List<Trial> trials = player.filter(Trial.class);
            for (int i = 0; i < trials.size() && i < answers.length; i++) {
                Trial trial = trials.get(i);
                trial.response = answers[i].substring(0, 1);
                trial.reactionTime = Integer.parseInt(answers[i].substring(2));
                trial.correct = trial.response.equals("left".equals(trial.stimulus) ? "F" : "J");
                if (trial.practice) {
                    trial.delete();
                }
            }
            List<Trial> kept = player.filter(Trial.class);
            player.numCorrect = (int) kept.stream().filter(t -> t.correct).count();
            player.meanReactionTime = kept.stream().filter(t -> t.correct)
                    .mapToInt(t -> t.reactionTime).average().orElse(Double.NaN);
            if (player.meanReactionTime.isNaN()) {
                player.meanReactionTime = null;
            }
            player.payoff = cu(player.numCorrect);
            player.responses = null; // kept in the trials; no need to store it twice
        }

        private static String[] split(String responses) {
            return responses == null || responses.isBlank() ? new String[0] : responses.strip().split(";");
        }
    }

    static class Results extends Page<Player> {
        @Override
        public Map<String, Object> varsForTemplate(Player player) {
            return Map.of("trials", player.filter(Trial.class));
        }
    }

    /** oTree's custom export of trials: one row per trial, with the participant and the round. */
    @Override
    public Stream<List<Object>> customExport(Stream<Player> players) {
        return Stream.concat(
                Stream.of(row("session_code", "participant_code", "id_in_group", "round_number", "trial",
                        "stimulus", "response", "reaction_time", "correct")),
                players.flatMap(p -> p.filter(Trial.class).stream().map(t -> row(p.session().code(),
                        p.participant().code(), p.idInGroup(), p.roundNumber(), t.number, t.stimulus, t.response,
                        t.reactionTime, t.correct))));
    }

    /**
     * Answers every trial right except the first real one, in 300 ms plus 10 ms per trial number; after an
     * incomplete answer that must be refused.
     */
    @Override
    public Bot<Player> bot() {
        return round -> {
            round.submit(Introduction.class);
            round.submitInvalid(Task.class, Map.of("responses", "F:300"));
            round.submit(Task.class, player -> Map.of("responses", player.filter(Trial.class).stream()
                    .map(t -> ((t.number == PRACTICE_TRIALS + 1) == "left".equals(t.stimulus) ? "J" : "F") + ":"
                            + (300 + 10 * t.number))
                    .collect(Collectors.joining(";"))));
            round.check(player -> {
                int trials = numTrials(player.subsession());
                List<Trial> kept = player.filter(Trial.class);
                Expect.equal(kept.size(), trials);
                Expect.equal(kept.get(0).number, PRACTICE_TRIALS + 1);
                Expect.equal(kept.get(0).correct, false);
                Expect.equal(player.numCorrect, trials - 1);
                Expect.equal(player.payoff, cu(trials - 1));
            });
            round.submit(Results.class);
        };
    }
}
