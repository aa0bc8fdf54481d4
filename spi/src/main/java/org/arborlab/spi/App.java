package org.arborlab.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An experiment app: its name, group size, rounds, page sequence and hooks, with its {@code Player},
 * {@code Group} and {@code Subsession} classes as type parameters. Subclass it and annotate the subclass
 * {@code @ApplicationScoped}; Arbor finds it at start-up and a session config names it in {@code app_sequence}.
 *
 * <p>Constants are the app's {@code public static final} fields; templates see them as {@code #{C.NAME}}.
 * See the README, "Writing an app", for a whole app.
 *
 * @param <P> the app's player class ({@code extends BasePlayer<G, S>})
 * @param <G> the app's group class ({@code extends BaseGroup<P, S>})
 * @param <S> the app's subsession class ({@code extends BaseSubsession<P, G>})
 */
public abstract class App<P extends BasePlayer<G, S>, G extends BaseGroup<P, S>, S extends BaseSubsession<P, G>> {

    /** The app's name as used in {@code app_sequence}, URLs and export column names; a-z, 0-9, _. */
    public abstract String name();

    /** Players per group, or 0 for one group of all players (oTree's {@code None}). */
    public int playersPerGroup() {
        return 0;
    }

    /** Number of rounds, at least 1. */
    public int numRounds() {
        return 1;
    }

    /** A short description, shown on the session's Description tab and in {@code GET /api/apps}. */
    public String doc() {
        return "";
    }

    /** Role names by id in group (oTree's {@code C.X_ROLE} constants): player 1 gets the first. */
    public List<String> roles() {
        return List.of();
    }

    /** The pages in the order participants see them, each round (oTree's {@code page_sequence}). */
    public abstract List<AbstractPage<P>> pages();

    /** Runs for each round when a session is created (oTree's {@code creating_session}). */
    public void creatingSession(S subsession) {
    }

    /**
     * Values for the admin report of a round (oTree's {@code vars_for_admin_report}). An app that overrides this
     * has an admin report.
     */
    public Map<String, Object> varsForAdminReport(S subsession) {
        return Map.of();
    }

    /**
     * Rows of a file of the app's own design (oTree's {@code custom_export(players)}), header first. Arbor passes
     * the app's players of every round of the exported sessions, ordered by id and read page by page; each row is
     * written as it comes, with the cells formatted as in the other exports ({@code null} blank, booleans 1/0,
     * {@link Currency} a plain number). Keep the returned stream lazy ({@code map}, {@code filter},
     * {@code flatMap}, {@link Stream#concat}; no {@code toList()}) and any number of players fits in memory.
     * From a player the app reaches everything else it stores: group, subsession, participant and session vars.
     * An app that overrides this has a custom export (Data page, and {@code kind=custom} over REST).
     *
     * <pre>{@code
     * public Stream<List<Object>> customExport(Stream<Player> players) {
     *     return Stream.concat(Stream.of(row("participant", "round", "contribution")),
     *             players.map(p -> row(p.participant().code(), p.roundNumber(), p.contribution)));
     * }
     * }</pre>
     */
    public Stream<List<Object>> customExport(Stream<P> players) {
        return Stream.empty();
    }

    /** One row of a custom export; cells may be {@code null} (blank). */
    protected static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /**
     * Which of the players waiting on a {@link WaitPage#groupByArrivalTime()} page form the next group (oTree's
     * {@code group_by_arrival_time_method(subsession, waiting_players)}). Called whenever a player arrives there,
     * or visits it again while waiting (a waiting page reloads itself every 15 seconds), with the players who are
     * waiting and not yet grouped, first arrival first. Return some of them (any number, at least one) to make
     * them a new group at once, in that order of id in group; return {@code null} or an empty list to keep
     * everyone waiting. Calls are one at a time per round, so two calls never hand out the same player.
     *
     * <p>By default: the first {@link #playersPerGroup()} players once that many wait. Override it, e.g., to let a
     * player who waited too long go on alone:
     *
     * <pre>{@code
     * public List<Player> groupByArrivalTimeMethod(Subsession subsession, List<Player> waiting) {
     *     if (waiting.size() >= 2) {
     *         return waiting.subList(0, 2);
     *     }
     *     for (Player p : waiting) {
     *         if (p.participant().timeOnPage().toSeconds() > 60) {
     *             return List.of(p);
     *         }
     *     }
     *     return null;
     * }
     * }</pre>
     */
    public List<P> groupByArrivalTimeMethod(S subsession, List<P> waitingPlayers) {
        int size = playersPerGroup();
        if (size <= 0) {
            throw new IllegalStateException("App " + name() + ": a wait page that groups by arrival time needs"
                    + " playersPerGroup() above 0, or groupByArrivalTimeMethod");
        }
        return waitingPlayers.size() >= size ? List.copyOf(waitingPlayers.subList(0, size)) : null;
    }

    /** The app's bot, or {@code null} if it has none. */
    public Bot<P> bot() {
        return null;
    }

    /** A wait page whose last player runs {@code afterAllPlayersArrive} for the group. */
    protected WaitPage<P, G, S> waitPage(String name, Consumer<G> afterAllPlayersArrive) {
        return new WaitPage<P, G, S>(name) {
            @Override
            public void afterAllPlayersArrive(G group) {
                afterAllPlayersArrive.accept(group);
            }
        };
    }

    /** A wait page that only waits for the group. */
    protected WaitPage<P, G, S> waitPage(String name) {
        return new WaitPage<P, G, S>(name) {
        };
    }

    /**
     * The first page of an app that groups players by the time they arrive ({@link WaitPage#groupByArrivalTime()});
     * each new group runs {@code afterAllPlayersArrive} once as it forms.
     */
    protected WaitPage<P, G, S> groupByArrivalTime(String name, Consumer<G> afterAllPlayersArrive) {
        return new WaitPage<P, G, S>(name) {
            @Override
            public boolean groupByArrivalTime() {
                return true;
            }

            @Override
            public void afterAllPlayersArrive(G group) {
                afterAllPlayersArrive.accept(group);
            }
        };
    }

    /** A wait page for everyone in the round; its last player runs {@code afterAllPlayersArrive} once. */
    protected WaitPage<P, G, S> waitForAllGroups(String name, Consumer<S> afterAllPlayersArrive) {
        return new WaitPage<P, G, S>(name) {
            @Override
            public boolean waitForAllGroups() {
                return true;
            }

            @Override
            public void afterAllPlayersArrive(S subsession) {
                afterAllPlayersArrive.accept(subsession);
            }
        };
    }
}
