package org.arborlab.control.engine.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.entity.Group;
import org.arborlab.entity.PageCompletion;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;

/**
 * Rows kept in lists, for tests: every change is visible at once and nothing is ever rolled back, so a test
 * must treat a refused submission as the server does (its outcome says so) rather than expect a rollback. One
 * thread at a time.
 */
public final class InMemoryStorage implements Storage {
    private final List<Object> rows = new ArrayList<>();

    @Override
    public void lock(Object row) {
        // one thread: nobody competes for a row
    }

    @Override
    public void add(Object row) {
        rows.add(row);
    }

    @Override
    public void remove(Object row) {
        rows.remove(row);
        if (row instanceof Group) {
            rows.removeIf(r -> r instanceof ExtraModelRow extra && extra.getOwner() == row);
        }
    }

    @Override
    public void flush() {
        // nothing is pending
    }

    /** Every row of a kind, in the order they were added, e.g. the page completions (page times). */
    public <T> List<T> all(Class<T> kind) {
        return of(kind).toList();
    }

    private <T> Stream<T> of(Class<T> kind) {
        return rows.stream().filter(kind::isInstance).map(kind::cast);
    }

    @Override
    public Optional<Participant> participant(ParticipantCode code) {
        return of(Participant.class).filter(p -> p.getCode().equals(code)).findFirst();
    }

    @Override
    public List<Participant> participants(Session session) {
        return of(Participant.class).filter(p -> p.getSession() == session)
                .sorted(Comparator.comparingInt(Participant::getIdInSession)).toList();
    }

    @Override
    public boolean labelTaken(Session session, String label) {
        return participants(session).stream().anyMatch(p -> p.getLabel() != null
                && p.getLabel().value().equals(label));
    }

    @Override
    public boolean isInRoom(Session session) {
        return false; // rooms are the server's business
    }

    @Override
    public List<Subsession> subsessions(Session session, String app, int first, int last) {
        return of(Subsession.class).filter(s -> s.getSession() == session && s.getAppName().equals(app)
                && s.getRoundNumber() >= first && s.getRoundNumber() <= last)
                .sorted(Comparator.comparingInt(Subsession::getRoundNumber)).toList();
    }

    @Override
    public List<Group> groups(Subsession subsession) {
        return of(Group.class).filter(g -> g.getSubsession() == subsession)
                .sorted(Comparator.comparingInt(Group::getIdInSubsession)).toList();
    }

    @Override
    public List<Group> groupInRounds(Session session, String app, int idInSubsession, int first, int last) {
        return subsessions(session, app, first, last).stream().flatMap(s -> groups(s).stream())
                .filter(g -> g.getIdInSubsession() == idInSubsession).toList();
    }

    @Override
    public List<Player> players(Subsession subsession) {
        return of(Player.class).filter(p -> p.getSubsession() == subsession)
                .sorted(Comparator.comparingInt(Player::getIdInSubsession)).toList();
    }

    @Override
    public List<Player> players(Group group) {
        return of(Player.class).filter(p -> p.getGroup() == group)
                .sorted(Comparator.comparingInt(Player::getIdInGroup)).toList();
    }

    @Override
    public List<Player> players(Participant participant, String app, int first, int last) {
        return of(Player.class).filter(p -> p.getParticipant() == participant
                && p.getSubsession().getAppName().equals(app) && p.getSubsession().getRoundNumber() >= first
                && p.getSubsession().getRoundNumber() <= last)
                .sorted(Comparator.comparingInt(p -> p.getSubsession().getRoundNumber())).toList();
    }

    @Override
    public List<Player> arrivals(Subsession subsession, Group group) {
        return group == null ? players(subsession) : players(group);
    }

    @Override
    public List<Player> waitingByArrival(Subsession subsession) {
        return players(subsession).stream().filter(p -> p.getArrival() != null && !p.isArrivalGrouped())
                .sorted(Comparator.comparingInt(Player::getArrival)).toList();
    }

    @Override
    public List<Player> lockedPlayers(Group group) {
        return players(group);
    }

    @Override
    public boolean hasPlayers(Group group) {
        return !players(group).isEmpty();
    }

    @Override
    public Long lastPageMillis(Participant participant) {
        return completions(participant).stream().map(PageCompletion::getEpochMillisCompleted)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** The page completions of a participant (page times), in order. */
    public List<PageCompletion> completions(Participant participant) {
        return of(PageCompletion.class).filter(c -> c.getParticipant() == participant).toList();
    }

    @Override
    public List<ExtraModelRow> extraRows(Object owner, String model) {
        // rows have no ids here: the order they were added in is the order of their ids on the server
        return of(ExtraModelRow.class).filter(r -> r.getOwner() == owner && r.getModelName().equals(model)).toList();
    }

    @Override
    public List<ExtraModelRow> extraValues(Object owner, String model) {
        return extraRows(owner, model);
    }
}
