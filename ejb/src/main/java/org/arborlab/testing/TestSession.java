package org.arborlab.testing;

import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.ModelScope;
import org.arborlab.control.engine.runtime.ModelScopes;
import org.arborlab.control.engine.runtime.Play;
import org.arborlab.control.engine.runtime.SessionSetup;
import org.arborlab.control.engine.storage.InMemoryStorage;
import org.arborlab.control.session.Grouping;
import org.arborlab.control.settings.CurrencySettings;
import org.arborlab.entity.Jsonp;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.spi.App;
import org.arborlab.spi.MockExogenousData;

/**
 * A session of an app sequence, built and played in memory through the engine's runtime: what the server does,
 * without a server or a database. For tests of apps and of the engine:
 *
 * <pre>{@code
 * TestSession session = TestSession.of(new Trust()).participants(2).start();
 * BotRun run = session.playBots();          // an AssertionError names the bot and page that failed
 * assertEquals(..., run.payoff(1));
 * }</pre>
 *
 * One thread at a time; the clock moves only when the test (or a bot waiting for a timeout) moves it.
 */
public final class TestSession {
    private final AppRegistry apps;
    private final InMemoryStorage storage;
    private final ManualClock clock;
    private final Session session;
    private final List<Participant> participants;
    private final ModelScopes scopes;
    private final List<Object> events = new ArrayList<>();
    private final List<ChatLine> chat = new ArrayList<>();
    private final Play play;

    private TestSession(Builder builder) {
        this.apps = AppRegistry.of(builder.apps);
        this.storage = new InMemoryStorage();
        this.clock = new ManualClock(builder.start);
        this.scopes = ModelScopes.of(apps, builder.currency);
        JsonObjectBuilder config = Jsonp.createObjectBuilder().add("name", "test")
                .add("display_name", "test").add("participation_fee", BigDecimal.ZERO)
                .add("real_world_currency_per_point", BigDecimal.ONE).add("doc", "");
        jakarta.json.JsonArrayBuilder sequence = Jsonp.createArrayBuilder();
        builder.apps.forEach(app -> sequence.add(app.name()));
        config.add("app_sequence", sequence);
        builder.config.forEach(config::add);
        int size = builder.participants != null ? builder.participants
                : Math.max(2, Grouping.lcm(builder.apps.stream().map(App::playersPerGroup).toList()));
        this.session = new Session(SessionCode.random(), "test", "test", config.build(), size, true, clock.millis());
        storage.add(session);
        SessionSetup setup = new SessionSetup(scopes, storage);
        this.participants = setup.build(session, size);
        for (Participant participant : participants) {
            participant.setBot(builder.bots);
        }
        if (builder.mocks != null) {
            setup.mockExogenousData(session, builder.mocks);
        }
        this.play = new Play(scopes, storage, clock, events::add, builder.production);
    }

    /** A session of these apps, in this order (the config's {@code app_sequence}). */
    public static Builder of(App<?, ?, ?>... appSequence) {
        return new Builder(Arrays.asList(appSequence));
    }

    /** The participants' way through the pages: start, show, submit, as the participant pages call them. */
    public Play play() {
        return play;
    }

    public Session session() {
        return session;
    }

    /** P1, P2, ... */
    public List<Participant> participants() {
        return participants;
    }

    /** A participant's code, by id in session (1 = P1). */
    public String code(int idInSession) {
        return participants.get(idInSession - 1).getCode().value();
    }

    public InMemoryStorage storage() {
        return storage;
    }

    public ManualClock clock() {
        return clock;
    }

    public AppRegistry apps() {
        return apps;
    }

    /** A fresh view of the session as the apps see it (read it; what is changed there is not saved). */
    public ModelScope scope() {
        return scopes.open(storage, session);
    }

    /** Events the runtime fired (page completions for the monitor, wait pages released), in order. */
    public List<Object> events() {
        return events;
    }

    /**
     * The messages bots wrote in pages' chats ({@code round.chat(...)}), in order, with the channel and nickname
     * the server would give them.
     */
    public List<ChatLine> chat() {
        return chat;
    }

    /**
     * Plays every participant's bot to the end, round-robin, in this thread. Fails at once (an
     * {@link AssertionError}) when a bot fails, naming the participant, the page and what went wrong; or when
     * every unfinished bot waits and none can move.
     */
    public BotRun playBots() {
        return new BotDriver(this).run();
    }

    /** How a test session is made. */
    public static final class Builder {
        private final List<App<?, ?, ?>> apps;
        private final java.util.Map<String, jakarta.json.JsonValue> config = new java.util.LinkedHashMap<>();
        private Integer participants;
        private MockExogenousData mocks;
        private CurrencySettings currency = new CurrencySettings("USD", 2, true, 0);
        private boolean production;
        private boolean bots = true;
        private Instant start = Instant.parse("2026-01-05T09:00:00Z");

        private Builder(List<App<?, ?, ?>> apps) {
            if (apps.isEmpty()) {
                throw new IllegalArgumentException("a session needs at least one app");
            }
            this.apps = List.copyOf(apps);
        }

        /** The number of participants (default: the group sizes' least common multiple, at least 2). */
        public Builder participants(int count) {
            this.participants = count;
            return this;
        }

        /** A session config field, as in the settings file (numbers, text, booleans, or any JSON). */
        public Builder config(String name, Object value) {
            this.config.put(name, value instanceof jakarta.json.JsonValue json ? json : toJson(value));
            return this;
        }

        /** Runs the project's {@code mock_exogenous_data} (with {@code mock_exogenous_data} set in the config). */
        public Builder mocks(MockExogenousData mocks) {
            this.mocks = mocks;
            return this;
        }

        /** Points and currency (default: points without decimals, USD). */
        public Builder currency(CurrencySettings currency) {
            this.currency = currency;
            return this;
        }

        /** As with {@code OTREE_PRODUCTION}: no debug panel on pages. */
        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        /** Whether the participants are marked as bots (default yes, as in a bot session). */
        public Builder bots(boolean bots) {
            this.bots = bots;
            return this;
        }

        public Builder startingAt(Instant start) {
            this.start = start;
            return this;
        }

        public TestSession start() {
            return new TestSession(this);
        }

        private static jakarta.json.JsonValue toJson(Object value) {
            if (value == null) {
                return jakarta.json.JsonValue.NULL;
            }
            if (value instanceof Boolean b) {
                return b ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
            }
            if (value instanceof Integer || value instanceof Long) {
                return Jsonp.createValue(((Number) value).longValue());
            }
            if (value instanceof Number n) {
                return Jsonp.createValue(new BigDecimal(n.toString()));
            }
            return Jsonp.createValue(value.toString());
        }
    }
}
