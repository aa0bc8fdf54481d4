package org.arborlab.control.engine.storage;

import java.util.List;
import java.util.Optional;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;

/**
 * The rows the runtime reads and writes during one unit of work (one transaction on the server). Rows are the
 * entity objects; a change to a row the runtime got from here is saved with the unit of work. Lists come in the
 * order the server shows them: players by id in group (or in subsession), groups and rounds by number.
 */
public interface Storage {

    /** Locks a row until the unit of work ends and reads its latest version (a no-op where nobody competes). */
    void lock(Object row);

    /** A new row, saved with the unit of work. */
    void add(Object row);

    /** Deletes a row; a group's extra-model records go with it (a group is the only owner ever removed). */
    void remove(Object row);

    /** Makes changes so far visible to the next queries (after a group's players move to other groups). */
    void flush();

    Optional<Participant> participant(ParticipantCode code);

    /** The session's participants, P1 first. */
    List<Participant> participants(Session session);

    /** Whether another participant of the session has this label. */
    boolean labelTaken(Session session, String label);

    /** Whether the session is a room's session. */
    boolean isInRoom(Session session);

    /** The rounds {@code first..last} of an app in a session. */
    List<Subsession> subsessions(Session session, String app, int first, int last);

    /** The groups of a round. */
    List<Group> groups(Subsession subsession);

    /** One group (by its id in the subsession) in the rounds {@code first..last} of an app. */
    List<Group> groupInRounds(Session session, String app, int idInSubsession, int first, int last);

    List<Player> players(Subsession subsession);

    List<Player> players(Group group);

    /** A participant's players in the rounds {@code first..last} of an app. */
    List<Player> players(Participant participant, String app, int first, int last);

    /**
     * The players of a group, or of a round when {@code group} is null, with their participants read in the
     * same statement: whoever counts as arrived on a wait page has their last submission in the same read.
     */
    List<Player> arrivals(Subsession subsession, Group group);

    /**
     * The players of a round who wait on its group-by-arrival-time page and are not grouped yet, first arrival
     * first, locked and read in their latest version (a locking read: under MySQL's repeatable read it also sees
     * what transactions that held the round's lock before committed).
     */
    List<Player> waitingByArrival(Subsession subsession);

    /**
     * The players of a group, locked and read in their latest version (a locking read: under MySQL's repeatable
     * read a plain read could still show what they were before the group's lock was granted).
     */
    List<Player> lockedPlayers(Group group);

    /** Whether a group still has players, as a locking read (see {@link #waitingByArrival}). */
    boolean hasPlayers(Group group);

    /** When the participant completed their last page (arrived on the current one), or null if never. */
    Long lastPageMillis(Participant participant);

    /**
     * The records of an extra model linked to an owner (a {@link Player}, {@link Group} or {@link Subsession} row),
     * oldest first, as rows of this unit of work: changes to them are saved, {@link #remove} deletes them.
     */
    List<ExtraModelRow> extraRows(Object owner, String model);

    /**
     * The same records read as values only, for readers that change nothing (exports): they do not stay in the
     * unit of work, so reading many owners' records one after the other keeps memory flat.
     */
    List<ExtraModelRow> extraValues(Object owner, String model);
}
