package org.arborlab.control.engine.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.entity.Group;
import org.arborlab.entity.Identified;
import org.arborlab.entity.JsonObjectConverter;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;

/**
 * The server's storage: the caller's persistence context. A lock is {@code SELECT ... FOR UPDATE}, which also
 * reads the row's latest version (under MySQL's repeatable read too).
 */
public final class JpaStorage implements Storage {
    private final EntityManager em;

    public JpaStorage(EntityManager em) {
        this.em = em;
    }

    @Override
    public void lock(Object row) {
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void add(Object row) {
        if (row instanceof ExtraModelRow extra && extra.getOwnerId() == 0) {
            em.flush(); // the owner was persisted in this unit of work and has no id yet
            extra.linkOwnerId();
        }
        em.persist(row);
    }

    @Override
    public void remove(Object row) {
        if (row instanceof Group group && group.getId() != null) {
            em.flush(); // records created in this unit of work are deleted too
            em.createQuery("delete from ExtraModelRow r where r.ownerKind = :kind and r.ownerId = :owner")
                    .setParameter("kind", ExtraModelRow.OwnerKind.GROUP.name()).setParameter("owner", group.getId())
                    .executeUpdate();
        }
        em.remove(row);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<Participant> participant(ParticipantCode code) {
        return em.createNamedQuery("Participant.byCode", Participant.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    @Override
    public List<Participant> participants(Session session) {
        return em.createNamedQuery("Participant.bySession", Participant.class).setParameter("session", session)
                .getResultList();
    }

    @Override
    public boolean labelTaken(Session session, String label) {
        return !em.createNamedQuery("Participant.bySessionAndLabels", Participant.class)
                .setParameter("session", session).setParameter("labels", List.of(label)).getResultList().isEmpty();
    }

    @Override
    public boolean isInRoom(Session session) {
        return !em.createNamedQuery("RoomSession.bySession").setParameter("session", session).getResultList()
                .isEmpty();
    }

    @Override
    public List<Subsession> subsessions(Session session, String app, int first, int last) {
        return em.createNamedQuery("Subsession.inRounds", Subsession.class).setParameter("session", session)
                .setParameter("app", app).setParameter("first", first).setParameter("last", last).getResultList();
    }

    @Override
    public List<Group> groups(Subsession subsession) {
        return em.createNamedQuery("Group.bySubsession", Group.class).setParameter("subsession", subsession)
                .getResultList();
    }

    @Override
    public List<Group> groupInRounds(Session session, String app, int idInSubsession, int first, int last) {
        return em.createNamedQuery("Group.inRounds", Group.class).setParameter("session", session)
                .setParameter("app", app).setParameter("id", idInSubsession).setParameter("first", first)
                .setParameter("last", last).getResultList();
    }

    @Override
    public List<Player> players(Subsession subsession) {
        return em.createNamedQuery("Player.bySubsession", Player.class).setParameter("subsession", subsession)
                .getResultList();
    }

    @Override
    public List<Player> players(Group group) {
        return em.createNamedQuery("Player.byGroup", Player.class).setParameter("group", group).getResultList();
    }

    @Override
    public List<Player> players(Participant participant, String app, int first, int last) {
        return em.createNamedQuery("Player.byParticipantAndRounds", Player.class)
                .setParameter("participant", participant).setParameter("app", app).setParameter("first", first)
                .setParameter("last", last).getResultList();
    }

    @Override
    public List<Player> arrivals(Subsession subsession, Group group) {
        return group == null
                ? em.createNamedQuery("Player.bySubsessionWithParticipants", Player.class)
                        .setParameter("subsession", subsession).getResultList()
                : em.createNamedQuery("Player.byGroupWithParticipants", Player.class).setParameter("group", group)
                        .getResultList();
    }

    @Override
    public List<Player> waitingByArrival(Subsession subsession) {
        // a pessimistic query also refreshes the rows already in the persistence context
        return em.createNamedQuery("Player.waitingByArrival", Player.class).setParameter("subsession", subsession)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<Player> lockedPlayers(Group group) {
        // a pessimistic query also refreshes the rows already in the persistence context
        return em.createNamedQuery("Player.byGroup", Player.class).setParameter("group", group)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public boolean hasPlayers(Group group) {
        // native: EclipseLink writes FOR UPDATE before LIMIT on H2; this form is valid on H2 and MySQL
        return !em.createNativeQuery("SELECT id FROM arbor_player WHERE group_id = ? LIMIT 1 FOR UPDATE")
                .setParameter(1, group.getId()).getResultList().isEmpty();
    }

    @Override
    public Long lastPageMillis(Participant participant) {
        return em.createQuery("select max(c.epochMillisCompleted) from PageCompletion c where c.participant = :p",
                Long.class).setParameter("p", participant).getSingleResult();
    }

    @Override
    public List<ExtraModelRow> extraRows(Object owner, String model) {
        return em.createNamedQuery("ExtraModelRow.byOwner", ExtraModelRow.class).setParameter("owner", idOf(owner))
                .setParameter("model", model).setParameter("kind", ExtraModelRow.kindOf(owner).name())
                .getResultList();
    }

    @Override
    public List<ExtraModelRow> extraValues(Object owner, String model) {
        // a projection: the rows are not managed, so the persistence context does not grow with them
        List<Object[]> found = em.createNamedQuery("ExtraModelRow.valuesByOwner", Object[].class)
                .setParameter("owner", idOf(owner)).setParameter("model", model)
                .setParameter("kind", ExtraModelRow.kindOf(owner).name()).getResultList();
        List<ExtraModelRow> rows = new ArrayList<>(found.size());
        for (Object[] row : found) {
            JsonObject fields = row[1] instanceof JsonObject json ? json
                    : new JsonObjectConverter().convertToEntityAttribute((String) row[1]);
            rows.add(ExtraModelRow.detached(owner, model, fields));
        }
        return rows;
    }

    private long idOf(Object owner) {
        Long id = ((Identified) owner).getId();
        if (id == null) {
            em.flush(); // a row persisted in this unit of work gets its id at the latest here
            id = ((Identified) owner).getId();
        }
        return id;
    }
}
