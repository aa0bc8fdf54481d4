package org.arborlab.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.arborlab.control.engine.features.BotFailure;
import org.arborlab.control.engine.features.BotScript;
import org.arborlab.control.engine.runtime.Links;
import org.arborlab.control.engine.runtime.LiveResult;
import org.arborlab.control.engine.runtime.Outcome;
import org.arborlab.control.engine.runtime.PageView;
import org.arborlab.entity.Participant;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BotRound;

/**
 * Plays a {@link TestSession}'s bots through the runtime, one page at a time per bot in turn. The checks are the
 * HTTP bot runner's ({@link BotScript}); the browser's part is played here: a redirect is followed, a wait page
 * is visited again when the others have moved, a timeout is waited for by moving the clock.
 */
final class BotDriver {
    private static final int MAX_PAGE_VIEWS = 1_000_000;

    private final TestSession session;
    private int pageViews;

    BotDriver(TestSession session) {
        this.session = session;
    }

    BotRun run() {
        long start = System.nanoTime();
        List<Bot> bots = new ArrayList<>();
        for (Participant participant : session.participants()) {
            bots.add(new Bot(participant));
        }
        while (bots.stream().anyMatch(b -> !b.finished)) {
            boolean moved = false;
            for (Bot bot : bots) {
                if (!bot.finished) {
                    moved |= bot.advance();
                }
            }
            if (!moved) {
                StringBuilder waiting = new StringBuilder();
                bots.stream().filter(b -> !b.finished).forEach(b -> waiting.append(waiting.length() == 0 ? "" : ", ")
                        .append(b.name()).append(" on ").append(b.where));
                throw new AssertionError("The bots are stuck: every unfinished bot waits (" + waiting + ")");
            }
        }
        return new BotRun(session, pageViews, (System.nanoTime() - start) / 1_000_000);
    }

    /** One participant's bot and where it is. */
    private final class Bot implements BotScript.PlayerData {
        private final Participant participant;
        private final String code;
        private final BotScript script = new BotScript(this);
        private Outcome pending;
        private String where = "the start link";
        private boolean finished;

        Bot(Participant participant) {
            this.participant = participant;
            this.code = participant.getCode().value();
        }

        String name() {
            return "P" + participant.getIdInSession() + " (" + code + ")";
        }

        /** Goes as far as it can: to a wait page whose others have not arrived, or to the end. Whether it moved. */
        boolean advance() {
            int before = participant.getIndexInPages();
            try {
                Outcome outcome = pending == null ? session.play().start(code, null)
                        : pending instanceof Outcome.ShowWaitPage wait ? session.play().show(code, wait.view().pageIndex())
                        : pending;
                pending = null;
                while (true) {
                    if (++pageViews > MAX_PAGE_VIEWS) {
                        throw new BotFailure("did not finish within " + MAX_PAGE_VIEWS + " page views");
                    }
                    if (outcome instanceof Outcome.Redirect redirect) {
                        if (redirect.path().startsWith(Links.finished(code))) {
                            where = "the end";
                            script.finish();
                            finished = true;
                            return true;
                        }
                        outcome = follow(redirect.path());
                    } else if (outcome instanceof Outcome.ShowWaitPage wait) {
                        where = wait.view().marker();
                        script.waiting(wait.view().appName(), wait.view().roundNumber());
                        pending = wait;
                        return participant.getIndexInPages() != before;
                    } else if (outcome instanceof Outcome.ShowPage page) {
                        outcome = act(page.view());
                    } else {
                        Outcome.Message message = (Outcome.Message) outcome;
                        throw new BotFailure("got " + message.status() + " " + message.title() + ": " + message.text());
                    }
                }
            } catch (BotFailure e) {
                throw new AssertionError("Bot " + name() + " failed on " + where + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new AssertionError("Bot " + name() + " failed on " + where + ": the app threw " + e, e);
            }
        }

        private Outcome follow(String path) {
            if (path.startsWith(Links.initializeParticipant(code))) {
                return session.play().start(code, null);
            }
            if (!path.startsWith("/p/" + code + "/")) {
                throw new BotFailure("was sent to " + path);
            }
            return session.play().show(code, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
        }

        private Outcome act(PageView view) {
            where = view.marker();
            String app = view.appName();
            int round = view.roundNumber();
            BotRound.Step<BasePlayer<?, ?>> step = script.step(app, round, view.pageName(), text -> shows(view, text),
                    json -> live(view, json));
            return switch (step.kind()) {
                case SUBMIT -> {
                    Outcome next = session.play().submit(code, view.pageIndex(), script.form(app, round, step), false);
                    if (next instanceof Outcome.ShowPage again && again.view().marker().equals(view.marker())) {
                        throw new BotFailure("page " + view.pageName() + " refused the bot's values: "
                                + errors(again.view()));
                    }
                    yield next;
                }
                case SUBMIT_INVALID -> {
                    Outcome next = session.play().submit(code, view.pageIndex(), script.form(app, round, step), false);
                    if (!(next instanceof Outcome.ShowPage again) || !again.view().marker().equals(view.marker())
                            || !again.view().hasErrors()) {
                        throw new BotFailure("page " + view.pageName() + " accepted values the bot expected it to refuse");
                    }
                    yield next;
                }
                case TIMEOUT -> {
                    if (view.secondsLeft() == null) {
                        throw new BotFailure("page " + view.pageName() + " has no timeout, but the bot waits for one");
                    }
                    session.clock().advance(Duration.ofMillis(view.secondsLeft() * 1000 + 50));
                    yield session.play().submit(code, view.pageIndex(), Map.of(), true);
                }
                case CHAT -> {
                    session.chat().add(chat(view, participant.getIdInSession(),
                            script.form(app, round, step).get("body")));
                    yield new Outcome.ShowPage(view);
                }
                case CHECK, LIVE -> throw new IllegalStateException("checks and live messages are run before");
            };
        }

        /** A live message from the page, through the runtime as the server runs it. */
        private jakarta.json.JsonValue live(PageView view, String json) {
            LiveResult result = session.play().live(code, view.pageIndex(), json);
            if (result.status() != LiveResult.Status.DELIVERED) {
                throw new BotFailure("live message " + json + " was " + result.status().name().toLowerCase() + ": "
                        + result.message());
            }
            return result.to(code);
        }

        // --- the bot's view of its player: read from a fresh scope, never saved ---

        @Override
        public List<BotRound.Step<BasePlayer<?, ?>>> plan(String app, int round) {
            return BotScript.plan(session.apps().get(app), player(app, round), round);
        }

        @Override
        public Map<String, ?> values(String app, int round, Function<BasePlayer<?, ?>, Map<String, ?>> values) {
            return values.apply(player(app, round));
        }

        @Override
        public String check(String app, int round, Consumer<BasePlayer<?, ?>> check) {
            try {
                check.accept(player(app, round));
                return null;
            } catch (AssertionError | RuntimeException e) {
                return BotScript.failureOf(e);
            }
        }

        private BasePlayer<?, ?> player(String app, int round) {
            return session.scope().player(participant, app, round);
        }
    }

    private static final java.util.regex.Pattern CHAT_TAG = java.util.regex.Pattern.compile("<arbor:chat\\b([^>]*)>");
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("#\\{([^}]*)}");

    /**
     * A bot's message in the page's chat, checked as the server checks it: the page's template must have
     * {@code <arbor:chat/>}, the body must be accepted; the channel and nickname are the template's options.
     * Without rendering the template, options may only be text and {@code #{name.field}} of the page's values.
     */
    private ChatLine chat(PageView view, int idInSession, String body) {
        String source = view.template() == null ? null : templateSource(view.template());
        java.util.regex.Matcher tag = source == null ? null : CHAT_TAG.matcher(source);
        if (tag == null || !tag.find()) {
            throw new BotFailure("page " + view.pageName() + " has no chat (<arbor:chat/>), but the bot writes in it");
        }
        String text;
        try {
            text = org.arborlab.control.chat.ChatChannels.body(body);
        } catch (org.arborlab.control.ArborException e) {
            throw new BotFailure("the chat of page " + view.pageName() + " refused the bot's message: " + e.getMessage());
        }
        String channel = org.arborlab.control.chat.ChatChannels.channel(session.session().getCode().value(),
                view.appName(), option(tag.group(1), "channel", view), view.roundNumber(),
                number(view, "group", "idInSubsession"));
        String nickname = org.arborlab.control.chat.ChatChannels.nickname(option(tag.group(1), "nickname", view),
                number(view, "player", "idInGroup"));
        return new ChatLine(idInSession, view.marker(), channel, nickname, text);
    }

    private static String templateSource(String resource) {
        java.io.InputStream found = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (found == null) {
            found = BotDriver.class.getClassLoader().getResourceAsStream(resource);
        }
        if (found == null) {
            return null;
        }
        try (java.io.InputStream in = found) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An option of the tag, its {@code #{name.field}} parts read from the page's values; null if not given. */
    private static String option(String attributes, String name, PageView view) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        if (!m.find()) {
            return null;
        }
        java.util.regex.Matcher expression = EXPRESSION.matcher(m.group(1));
        StringBuilder out = new StringBuilder();
        while (expression.find()) {
            Object value = view.values();
            for (String part : expression.group(1).strip().split("\\.")) {
                if (!(value instanceof java.util.Map<?, ?> map) || !part.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new BotFailure("in JUnit, <arbor:chat/>'s " + name + " may use only #{name.field} of the"
                            + " page's values, not #{" + expression.group(1) + "}");
                }
                value = map.get(part);
            }
            expression.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf(value)));
        }
        expression.appendTail(out);
        return out.toString();
    }

    private static int number(PageView view, String model, String field) {
        if (view.values().get(model) instanceof Map<?, ?> map && map.get(field) instanceof Number n) {
            return n.intValue();
        }
        throw new BotFailure("the page has no " + model + " for its chat");
    }

    /**
     * Whether a page shows a text, without rendering its template: its title, messages, inputs and choices, and
     * the values the template gets.
     */
    private static boolean shows(PageView view, String text) {
        StringBuilder all = new StringBuilder(String.valueOf(view.title())).append('\n')
                .append(view.errorMessage()).append('\n').append(view.values());
        for (PageView.FieldView field : view.fields()) {
            all.append('\n').append(field.label()).append('\n').append(field.error());
            field.choices().forEach(c -> all.append('\n').append(c.label()));
        }
        return all.toString().contains(text);
    }

    /** The fields' messages, or the page's own message where no field has one (it then only sums them up). */
    private static String errors(PageView view) {
        List<String> errors = new ArrayList<>();
        view.fields().stream().filter(f -> f.error() != null).forEach(f -> errors.add(f.name() + ": " + f.error()));
        if (errors.isEmpty() && view.errorMessage() != null) {
            errors.add(view.errorMessage());
        }
        return String.join("; ", errors);
    }
}
