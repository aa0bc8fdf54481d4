package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.AppRegistry;
import java.time.Clock;
import org.arborlab.control.engine.runtime.ModelScopes;
import org.arborlab.control.engine.storage.JpaStorage;
import org.arborlab.control.engine.runtime.Links;
import org.arborlab.control.engine.runtime.ModelScope;
import org.arborlab.control.engine.runtime.Navigator;
import org.arborlab.control.engine.runtime.Outcome;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.arborlab.control.settings.RoomConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.ParticipantLabel;
import org.arborlab.entity.PendingParticipantVars;
import org.arborlab.entity.RoomName;
import org.arborlab.entity.RoomSession;
import org.arborlab.entity.Session;

/**
 * Start links that hand out participants: the session-wide {@code /join/<code>} and the room links
 * {@code /room/<name>[?participant_label=L]}. Arrivals in a session are serialized on the session's row, and the
 * first unvisited participant is read with a row lock, so visitors arriving at the same instant get distinct
 * participants in id order: P1, P2, ... with no gap.
 */
@Stateless
public class ArrivalService {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    AppRegistry apps;

    @Inject
    SettingsService settings;

    @Inject
    ModelScopes scopes;

    @Inject
    Clock clock;

    @Inject
    RoomUrlSecret secret;

    /** {@code /join/<anonymous code>}: with a label, that label's participant; else the next unvisited one. */
    public Outcome join(String anonymousCode, String label) {
        Session session = em.createQuery("select s from Session s where s.anonymousCode = :code", Session.class)
                .setParameter("code", anonymousCode).getResultStream().findFirst().orElse(null);
        if (session == null) {
            return Outcome.notFound("This link does not work: no session has the code " + anonymousCode
                    + ". Please check the link you were given, or ask the experimenter.");
        }
        if (label != null && !ParticipantLabel.isValid(label)) {
            return Outcome.notFound("This participant label is too long or has characters that are not allowed.");
        }
        return assign(session, label, List.of(), null)
                .<Outcome>map(p -> new Outcome.Redirect(Links.initializeParticipant(p.getCode().value())))
                .orElseGet(() -> Outcome.notFound("Session is full."));
    }

    /**
     * {@code /room/<name>}.
     *
     * @param hash        the {@code hash} parameter of secure rooms, or null
     * @param browserCodes participant codes this browser got in rooms before (cookies); one may belong to this
     *                     room's session
     */
    public RoomEntry enterRoom(String roomName, String label, String hash, List<String> browserCodes) {
        RoomConfig room = settings.settings().room(roomName).orElse(null);
        if (room == null) {
            return new RoomEntry.NotFound("Invalid room specified in url");
        }
        if (label != null && !ParticipantLabel.isValid(label)) {
            return new RoomEntry.NotFound("participant_label is too long or malformed: " + label);
        }
        if (room.hasLabels()) {
            if (label == null) {
                return new RoomEntry.AskLabel(room.displayName(), null);
            }
            if (room.useSecureUrls()) {
                if (!secret.matches(label, hash)) {
                    return new RoomEntry.NotFound("Invalid hash parameter. use_secure_urls is True, so you must use"
                            + " the participant-specific URL.");
                }
            } else if (!room.participantLabels().contains(label)) {
                return new RoomEntry.AskLabel(room.displayName(), "This participant label was not found");
            }
        }
        RoomSession binding = em.find(RoomSession.class, roomName);
        if (binding == null) {
            return new RoomEntry.Wait(roomName, room.displayName(), label);
        }
        Session session = binding.getSession();
        return assign(session, label, label == null ? browserCodes : List.of(), new RoomName(roomName))
                .<RoomEntry>map(p -> new RoomEntry.Assigned(p.getCode().value(), session.getCode().value()))
                .orElseGet(RoomEntry.Full::new);
    }

    /** Whether a room has a session (for the waiting page's push channel). */
    public boolean roomHasSession(String roomName) {
        return RoomName.isValid(roomName) && em.find(RoomSession.class, roomName) != null;
    }

    /** The {@code hash} a secure room's participant link carries, for the admin's room page. */
    public String secureUrlHash(String participantLabel) {
        return secret.hash(participantLabel);
    }

    /**
     * The participant for this visitor, started if new: the one with the label; or the one this browser had; or
     * the first unvisited one (none: the session is full).
     */
    private Optional<Participant> assign(Session session, String label, List<String> browserCodes, RoomName room) {
        em.refresh(session, LockModeType.PESSIMISTIC_WRITE);
        ModelScope scope = scopes.open(new JpaStorage(em), session);
        Participant participant = null;
        if (label != null) {
            participant = em.createNamedQuery("Participant.bySessionAndLabels", Participant.class)
                    .setParameter("session", session).setParameter("labels", List.of(label))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        } else {
            for (String code : browserCodes) {
                if (participant == null && ParticipantCode.isValid(code)) {
                    participant = em.createNamedQuery("Participant.byCode", Participant.class)
                            .setParameter("code", new ParticipantCode(code))
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                            .filter(p -> p.getSession() == session).findFirst().orElse(null);
                }
            }
        }
        if (participant == null) {
            participant = firstUnvisited(session);
            if (participant == null) {
                return Optional.empty();
            }
            if (label != null) {
                participant.setLabel(new ParticipantLabel(label));
            }
        }
        scope.lockedByQuery(participant);
        if (participant.getIndexInPages() == 0) {
            Navigator.begin(scope, apps.flow(session.getConfig()), participant, clock.millis());
        }
        if (room != null && label != null) {
            applyStoredVars(room, participant);
        }
        scope.writeBack();
        return Optional.of(participant);
    }

    /**
     * The unvisited participant with the lowest id, locked. A native query because EclipseLink writes
     * {@code FOR UPDATE} before {@code LIMIT} on H2; this form is valid on H2 and MySQL. The locking read sees
     * the latest rows even under MySQL's repeatable read.
     */
    private Participant firstUnvisited(Session session) {
        List<?> ids = em.createNativeQuery("SELECT id FROM arbor_participant WHERE session_id = ? AND visited = ?"
                + " ORDER BY id_in_session LIMIT 1 FOR UPDATE").setParameter(1, session.getId())
                .setParameter(2, false).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        Participant participant = em.find(Participant.class, ((Number) ids.get(0)).longValue());
        em.refresh(participant, LockModeType.PESSIMISTIC_WRITE);
        return participant;
    }

    /** Vars posted over REST for this room label before it arrived are merged in, and the stored copy deleted. */
    private void applyStoredVars(RoomName room, Participant participant) {
        List<PendingParticipantVars> stored = em.createNamedQuery("PendingParticipantVars.find",
                PendingParticipantVars.class).setParameter("room", room)
                .setParameter("label", participant.getLabel()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (PendingParticipantVars vars : stored) {
            participant.mergeVars(vars.getVars());
            em.remove(vars);
        }
    }
}
