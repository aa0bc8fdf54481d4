package org.arborlab.control.engine.features;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.FieldSpec;
import org.arborlab.control.engine.runtime.LiveJson;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.Bot;
import org.arborlab.spi.BotRound;
import org.arborlab.spi.Currency;

/**
 * One bot's plan held against the pages it is shown: the same rules over HTTP ({@link BotPlayer}) and in memory
 * (the JUnit harness). Per app round the bot plans its steps; on each form page the checks planned before it run,
 * then the next step must name this page; at the end of a round no submission may be left over. Any surprise is a
 * {@link BotFailure} naming the page.
 */
public final class BotScript {

    /** What the bot sees of its player; each call reads the player as it is at that moment. */
    public interface PlayerData {
        /** The bot's steps for a round of an app; {@code null} if the app has no bot. */
        List<BotRound.Step<BasePlayer<?, ?>>> plan(String app, int round);

        /** The values a step computes, from the player. */
        Map<String, ?> values(String app, int round, Function<BasePlayer<?, ?>, Map<String, ?>> values);

        /** Runs a check on the player; the failure's message, or null if it passed. */
        String check(String app, int round, Consumer<BasePlayer<?, ?>> check);
    }

    /** Sends a live message from the page the bot is on. */
    @FunctionalInterface
    public interface LiveSender {
        /**
         * @return what the sender's page received in answer, or null
         * @throws BotFailure if the server refused or ignored the message
         */
        jakarta.json.JsonValue send(String json);
    }

    private final PlayerData data;
    private Deque<BotRound.Step<BasePlayer<?, ?>>> plan = new ArrayDeque<>();
    private String planned = "";
    /** A round the bot has reached on a wait page, not planned yet. */
    private String deferred = "";

    public BotScript(PlayerData data) {
        this.data = data;
    }

    /**
     * The bot is shown a page of an app's round: a new round's plan starts (the last one's must be used up).
     */
    public void shown(String app, int round) {
        String key = app + "/" + round;
        if (!planned.equals(key)) {
            if (deferred.equals(key)) {
                deferred = "";
            } else {
                finish();
            }
            plan(key);
        }
    }

    /**
     * The bot waits on a wait page of an app's round: the last round's plan must be used up, and the new round's
     * is made on its first form page (or at its end), because the wait page may form the player's group (grouping
     * by arrival time) and the bot's plan may depend on it.
     */
    public void waiting(String app, int round) {
        String key = app + "/" + round;
        if (!planned.equals(key) && !deferred.equals(key)) {
            finish();
            deferred = key;
        }
    }

    private void plan(String key) {
        String[] parts = key.split("/");
        List<BotRound.Step<BasePlayer<?, ?>>> steps = data.plan(parts[0], Integer.parseInt(parts[1]));
        if (steps == null) {
            throw new BotFailure("app " + parts[0] + " has no bot");
        }
        plan = new ArrayDeque<>(steps);
        planned = key;
    }

    /**
     * The step for a form page: the checks planned before it run first ({@code pageShows} answers whether the
     * page shows a text), then the next step must be for this page.
     */
    public BotRound.Step<BasePlayer<?, ?>> step(String app, int round, String page, Predicate<String> pageShows) {
        return step(app, round, page, pageShows, json -> {
            throw new BotFailure("this runner cannot send live messages");
        });
    }

    /**
     * The same, and the live messages planned before the page's next step are sent from it ({@code live}), each
     * answer checked.
     */
    public BotRound.Step<BasePlayer<?, ?>> step(String app, int round, String page, Predicate<String> pageShows,
            LiveSender live) {
        shown(app, round);
        while (!plan.isEmpty() && (plan.peek().kind() == BotRound.Kind.CHECK
                || plan.peek().kind() == BotRound.Kind.LIVE)) {
            BotRound.Step<BasePlayer<?, ?>> check = plan.poll();
            if (check.kind() == BotRound.Kind.LIVE) {
                sendLive(app, round, page, check, live);
            } else if (check.expectedText() != null) {
                if (!pageShows.test(check.expectedText())) {
                    throw new BotFailure("page " + check.page() + " does not show \"" + check.expectedText() + "\"");
                }
            } else {
                check(app, round, check);
            }
        }
        BotRound.Step<BasePlayer<?, ?>> step = plan.poll();
        if (step == null) {
            throw new BotFailure("the bot has no step for page " + page + " (" + app + ", round " + round + ")");
        }
        if (!step.page().equals(page)) {
            throw new BotFailure("the bot expected page " + step.page() + " but the server showed " + page + " ("
                    + app + ", round " + round + ")");
        }
        return step;
    }

    private void sendLive(String app, int round, String page, BotRound.Step<BasePlayer<?, ?>> step,
            LiveSender live) {
        if (!step.page().equals(page)) {
            throw new BotFailure("the bot sends a live message from page " + step.page() + " but the server showed "
                    + page + " (" + app + ", round " + round + ")");
        }
        String json;
        try {
            json = LiveJson.toJson(data.values(app, round, step.values())).toString();
        } catch (IllegalArgumentException e) {
            throw new BotFailure("the bot's live message on page " + page + " is not JSON: " + e.getMessage());
        }
        jakarta.json.JsonValue received = live.send(json);
        if (step.received() != null) {
            try {
                step.received().accept(received);
            } catch (AssertionError | RuntimeException e) {
                throw new BotFailure("the answer to the live message " + json + " on page " + page
                        + " failed the bot's check: " + failureOf(e) + " (received: " + received + ")");
            }
        }
    }

    /** The form texts a submitting step sends. */
    public Map<String, String> form(String app, int round, BotRound.Step<BasePlayer<?, ?>> step) {
        Map<String, String> form = new LinkedHashMap<>();
        data.values(app, round, step.values()).forEach((name, value) -> form.put(name,
                FieldSpec.formText(value instanceof Currency c ? c.amount() : value)));
        return form;
    }

    /** At the end of a round (or of the session): the remaining checks run, and no submission may be left over. */
    public void finish() {
        if (!deferred.isEmpty()) {
            String key = deferred;
            deferred = "";
            plan(key);
        }
        if (planned.isEmpty()) {
            return;
        }
        String[] key = planned.split("/");
        while (!plan.isEmpty()) {
            BotRound.Step<BasePlayer<?, ?>> step = plan.poll();
            if (step.kind() != BotRound.Kind.CHECK || step.expectedText() != null) {
                throw new BotFailure("the bot planned " + step.kind().name().toLowerCase() + " of " + step.page()
                        + " in " + key[0] + ", round " + key[1] + ", but the server did not show that page");
            }
            check(key[0], Integer.parseInt(key[1]), step);
        }
    }

    private void check(String app, int round, BotRound.Step<BasePlayer<?, ?>> check) {
        String failure = data.check(app, round, check.check());
        if (failure != null) {
            throw new BotFailure("check failed in " + app + ", round " + round + ": " + failure);
        }
    }

    /** An app's bot's steps for a player's round; {@code null} if the app has no bot. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<BotRound.Step<BasePlayer<?, ?>>> plan(AppModel app, BasePlayer<?, ?> player, int round) {
        Bot bot = app.app().bot();
        if (bot == null) {
            return null;
        }
        BotRound<BasePlayer<?, ?>> plan = new BotRound<>(player, round);
        bot.playRound(plan);
        return plan.steps();
    }

    /** A failed check's message: an assertion's or exception's text. */
    public static String failureOf(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
