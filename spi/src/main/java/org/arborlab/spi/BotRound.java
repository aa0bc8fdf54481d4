package org.arborlab.spi;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One round of a bot's plan: the pages it submits, in order, and the checks between them. Values can be computed
 * from the player as it is when the page is reached ({@code player -> Map.of(...)}), for decisions that depend
 * on other players.
 */
public final class BotRound<P extends BasePlayer<?, ?>> {

    /** What a step does. */
    public enum Kind {
        /** Submit valid values; the page must accept them. */
        SUBMIT,
        /** Submit values the page must refuse (oTree's {@code SubmissionMustFail}). */
        SUBMIT_INVALID,
        /** Wait until the page's timeout and let it submit itself. */
        TIMEOUT,
        /** Run a check against the player's data. */
        CHECK,
        /** Write a message in the page's chat ({@code <arbor:chat/>}); the bot stays on the page. */
        CHAT,
        /**
         * Send a live message from the page (its {@code liveSend}) before the next step on that page; what the
         * page received in answer is checked.
         */
        LIVE
    }

    /**
     * One step of the plan; {@code page} is null for checks. {@code received} checks the answer of a live message
     * (what the sender's page got, {@code null} if nothing).
     */
    public record Step<P>(Kind kind, String page, Function<P, Map<String, ?>> values, Consumer<P> check,
            String expectedText, Consumer<JsonValue> received) {
    }

    private final P player;
    private final int roundNumber;
    private final List<Step<P>> steps = new ArrayList<>();

    public BotRound(P player, int roundNumber) {
        this.player = player;
        this.roundNumber = roundNumber;
    }

    /** The player at the start of the round, e.g. to branch on {@code idInGroup()}. */
    public P player() {
        return player;
    }

    public int roundNumber() {
        return roundNumber;
    }

    /** Submits a page without form fields. */
    public BotRound<P> submit(Class<?> page) {
        return submit(page.getSimpleName(), Map.of());
    }

    public BotRound<P> submit(Class<?> page, Map<String, ?> values) {
        return submit(page.getSimpleName(), values);
    }

    /** Values computed from the player when the page is reached. */
    public BotRound<P> submit(Class<?> page, Function<P, Map<String, ?>> values) {
        return add(new Step<>(Kind.SUBMIT, page.getSimpleName(), values, null, null, null));
    }

    /** By page name, for pages whose name is not their class's. */
    public BotRound<P> submit(String page, Map<String, ?> values) {
        return add(new Step<>(Kind.SUBMIT, page, p -> values, null, null, null));
    }

    /** Submits values the page must refuse; the bot then stays on the page. */
    public BotRound<P> submitInvalid(Class<?> page, Map<String, ?> values) {
        return add(new Step<>(Kind.SUBMIT_INVALID, page.getSimpleName(), p -> values, null, null, null));
    }

    /** Lets the page time out (the bot waits for it). */
    public BotRound<P> timeout(Class<?> page) {
        return add(new Step<>(Kind.TIMEOUT, page.getSimpleName(), p -> Map.of(), null, null, null));
    }

    /**
     * Writes a message in the chat of a page ({@code <arbor:chat/>}), as the participant would, before the
     * page's next step; the server must accept it. The body is in {@link Step#values()} under {@code "body"}.
     */
    public BotRound<P> chat(Class<?> page, String body) {
        return chat(page, p -> body);
    }

    /** A message computed from the player when the page is reached. */
    public BotRound<P> chat(Class<?> page, Function<P, String> body) {
        return add(new Step<>(Kind.CHAT, page.getSimpleName(), p -> Map.of("body", body.apply(p)), null, null, null));
    }

    /** Checks the player's data when the bot gets here (after the previous submission and any wait page). */
    public BotRound<P> check(Consumer<P> check) {
        return add(new Step<>(Kind.CHECK, null, null, check, null, null));
    }

    /** The page the next step submits must contain this text (before submitting). */
    public BotRound<P> expectText(Class<?> page, String text) {
        return add(new Step<>(Kind.CHECK, page.getSimpleName(), null, null, text, null));
    }

    /**
     * Sends a live message from the page (oTree's {@code liveSend}, a JSON object) while on it, before the next
     * step on that page; the live method must accept it (no answer, or any answer).
     */
    public BotRound<P> live(Class<?> page, Map<String, ?> data) {
        return live(page, p -> data, received -> {
        });
    }

    /**
     * Sends a live message and checks what this player's page received in answer (the data its
     * {@code liveRecv} gets; {@code null} if the live method answered others only, or nothing).
     */
    public BotRound<P> live(Class<?> page, Map<String, ?> data, Consumer<JsonValue> received) {
        return live(page, p -> data, received);
    }

    /** The message computed from the player when the bot is on the page. */
    public BotRound<P> live(Class<?> page, Function<P, Map<String, ?>> data, Consumer<JsonValue> received) {
        return add(new Step<>(Kind.LIVE, page.getSimpleName(), data, null, null, received));
    }

    public List<Step<P>> steps() {
        return Collections.unmodifiableList(steps);
    }

    private BotRound<P> add(Step<P> step) {
        steps.add(step);
        return this;
    }
}
