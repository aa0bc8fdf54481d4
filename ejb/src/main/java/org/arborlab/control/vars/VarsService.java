package org.arborlab.control.vars;

import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import org.arborlab.control.audit.Audited;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.ParticipantLabel;
import org.arborlab.entity.PendingParticipantVars;
import org.arborlab.entity.RoomName;
import org.arborlab.entity.RoomSession;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;

/**
 * Participant vars and session vars posted from outside (REST). Every change is a shallow merge, as oTree's
 * {@code vars.update(...)}, done under a row lock so that concurrent posts for the same participant or session
 * never lose each other's keys.
 */
@Stateless
public class VarsService {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SettingsService settings;

    @Resource
    SessionContext context;

    /** Where vars posted for a room label went. */
    public enum Delivery { PARTICIPANT, STORED_UNTIL_ARRIVAL }

    /**
     * Merges vars into the participant with this label in the room's session, or, if the label has not arrived,
     * stores them (merged with anything stored before) until it does.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Delivery mergeParticipantVars(@NotNull String roomName, @NotNull String participantLabel,
            @NotNull JsonObject vars) {
        RoomName room = room(roomName);
        if (!ParticipantLabel.isValid(participantLabel)) {
            throw new InvalidInputException("participant_label must be 1 to " + ParticipantLabel.MAX_LENGTH
                    + " characters without control characters");
        }
        ParticipantLabel label = new ParticipantLabel(participantLabel);
        VarsService self = context.getBusinessObject(VarsService.class);
        try {
            return self.mergeParticipantVarsOnce(room, label, vars);
        } catch (PersistenceException | jakarta.ejb.EJBException e) {
            // Two first posts for the same label raced to insert the stored row; the loser merges into it now.
            return self.mergeParticipantVarsOnce(room, label, vars);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("participant_vars.post")
    public Delivery mergeParticipantVarsOnce(RoomName room, ParticipantLabel label, JsonObject vars) {
        Optional<Participant> arrived = Optional.ofNullable(em.find(RoomSession.class, room.value()))
                .flatMap(binding -> participantWithLabel(binding.getSession(), label));
        if (arrived.isPresent()) {
            Participant participant = arrived.get();
            em.lock(participant, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(participant);
            participant.mergeVars(vars);
            return Delivery.PARTICIPANT;
        }
        List<PendingParticipantVars> stored = em.createNamedQuery("PendingParticipantVars.find",
                PendingParticipantVars.class).setParameter("room", room).setParameter("label", label)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        PendingParticipantVars pending;
        if (stored.isEmpty()) {
            pending = new PendingParticipantVars(room, label);
            em.persist(pending);
        } else {
            pending = stored.get(0);
        }
        pending.mergeVars(vars);
        em.flush();
        return Delivery.STORED_UNTIL_ARRIVAL;
    }

    @RoleRequired(Role.EXPERIMENTER)
    @Audited("participant_vars.post")
    public void mergeParticipantVars(@NotNull ParticipantCode code, @NotNull JsonObject vars) {
        Participant participant = em.createNamedQuery("Participant.byCode", Participant.class)
                .setParameter("code", code).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> participantNotFound(code.value()));
        participant.mergeVars(vars);
    }

    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session_vars.post")
    public void mergeSessionVars(@NotNull SessionCode code, @NotNull JsonObject vars) {
        Session session = em.createNamedQuery("Session.byCode", Session.class).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> org.arborlab.control.session.SessionService.notFound(code.value()));
        session.mergeVars(vars);
    }

    /** Merges into the session of the room. */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session_vars.post")
    public SessionCode mergeSessionVarsByRoom(@NotNull String roomName, @NotNull JsonObject vars) {
        RoomName room = room(roomName);
        RoomSession binding = Optional.ofNullable(em.find(RoomSession.class, room.value()))
                .orElseThrow(() -> new NotFoundException("Room " + roomName + " has no session"));
        Session session = binding.getSession();
        em.lock(session, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(session);
        session.mergeVars(vars);
        return session.getCode();
    }

    /** oTree's wording for an unknown participant code. */
    public static NotFoundException participantNotFound(String code) {
        return new NotFoundException("Not found: Participant, {'code': '" + code + "'}");
    }

    private RoomName room(String roomName) {
        if (settings.settings().room(roomName).isEmpty()) {
            throw new NotFoundException("Room " + roomName + " not found");
        }
        return new RoomName(roomName);
    }

    private Optional<Participant> participantWithLabel(Session session, ParticipantLabel label) {
        return em.createNamedQuery("Participant.bySessionAndLabels", Participant.class)
                .setParameter("session", session).setParameter("labels", List.of(label.value()))
                .getResultStream().findFirst();
    }
}
