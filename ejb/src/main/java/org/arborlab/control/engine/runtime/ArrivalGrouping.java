package org.arborlab.control.engine.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.control.engine.storage.Storage;
import org.arborlab.entity.Group;
import org.arborlab.entity.Player;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.BasePlayer;

/**
 * Grouping by arrival time (oTree's {@code group_by_arrival_time}): who waits on the page, which of them the app
 * puts together, and the new group in this round and every later round of the app. The caller holds the row
 * locks of the rounds from this one to the app's last, taken in round order, so arrivals of a round are
 * handled one at a time and no player is handed out twice.
 */
final class ArrivalGrouping {
    /** A waiting browser reloads every 15 s; one not seen for this long has left (oTree's failsafe, 70 s). */
    static final long STALE_MS = 70_000;

    private final ModelScope scope;
    private final Storage storage;
    private final AppModel app;
    /** This round first, then the app's later rounds, all locked. */
    private final List<Subsession> rounds;

    ArrivalGrouping(ModelScope scope, AppModel app, List<Subsession> rounds) {
        this.scope = scope;
        this.storage = scope.storage();
        this.app = app;
        this.rounds = rounds;
    }

    /** The players waiting to be grouped and seen lately, first arrival first, locked. */
    List<Player> waiting(long now) {
        List<Player> waiting = new ArrayList<>();
        for (Player player : storage.waitingByArrival(rounds.get(0))) {
            scope.lockedByQuery(player);
            Long seen = player.getArrivalSeenEpochMillis();
            if (seen != null && now - seen <= STALE_MS) {
                waiting.add(player);
            }
        }
        return waiting;
    }

    /**
     * Asks the app which waiting players form the next group.
     *
     * @return the players of the new group in order of id in group, or an empty list to keep waiting
     */
    @SuppressWarnings("unchecked")
    List<Player> choose(List<Player> waiting) {
        Map<BasePlayer<?, ?>, Player> byModel = new IdentityHashMap<>();
        List<BasePlayer<?, ?>> models = new ArrayList<>();
        for (Player player : waiting) {
            BasePlayer<?, ?> model = scope.player(player);
            byModel.put(model, player);
            models.add(model);
        }
        List<? extends BasePlayer<?, ?>> chosen = app.app().groupByArrivalTimeMethod(
                scope.subsession(rounds.get(0)), java.util.Collections.unmodifiableList(models));
        if (chosen == null || chosen.isEmpty()) {
            return List.of();
        }
        Set<Player> group = new LinkedHashSet<>();
        for (BasePlayer<?, ?> model : chosen) {
            Player player = model == null ? null : byModel.get(model);
            if (player == null) {
                throw new IllegalStateException("App " + app.name() + ": groupByArrivalTimeMethod returned " + model
                        + ", who is not one of the waiting players it was given");
            }
            if (!group.add(player)) {
                throw new IllegalStateException("App " + app.name() + ": groupByArrivalTimeMethod returned player "
                        + player.getIdInSubsession() + " twice");
            }
        }
        return List.copyOf(group);
    }

    /**
     * Makes the players a new group with the next free id, in this round and every later round of the app (as
     * oTree copies it forward), and removes the groups left empty.
     *
     * @return this round's new group
     */
    Group form(List<Player> members) {
        int id = 0;
        for (Subsession round : rounds) {
            id = Math.max(id, lastGroupId(round));
        }
        id++;
        Group formed = null;
        Set<Group> left = new LinkedHashSet<>();
        for (Subsession round : rounds) {
            Group group = new Group(round, id);
            group.setFields(app.groupInitial());
            storage.add(group);
            scope.lockedByQuery(group);
            round.setLastArrivalGroup(id);
            for (int j = 0; j < members.size(); j++) {
                Player player = members.get(j);
                if (round != rounds.get(0)) {
                    player = scope.playerEntity(player.getParticipant(), app.name(), round.getRoundNumber());
                    scope.lock(player);
                } else {
                    player.groupedByArrival();
                }
                left.add(player.getGroup());
                player.regroup(group, j + 1);
                player.setRole(app.role(j + 1));
            }
            if (formed == null) {
                formed = group;
            }
        }
        storage.flush();
        for (Group old : left) {
            if (!storage.hasPlayers(old)) {
                scope.forget(old);
                storage.remove(old);
            }
        }
        return formed;
    }

    /** The highest group id in a round: remembered once grouping by arrival has handed one out there. */
    private int lastGroupId(Subsession round) {
        if (round.getLastArrivalGroup() > 0) {
            return round.getLastArrivalGroup();
        }
        // no grouping by arrival has touched this round yet, so its groups are the session's first ones
        return storage.groups(round).stream().mapToInt(Group::getIdInSubsession).max().orElse(0);
    }
}
