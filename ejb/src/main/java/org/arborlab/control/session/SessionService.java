package org.arborlab.control.session;

import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import org.arborlab.control.audit.Audited;
import org.arborlab.entity.Jsonp;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.ConflictException;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.engine.features.RoomSessionStarted;
import org.arborlab.control.engine.runtime.SessionHooks;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.Settings;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Group;
import org.arborlab.entity.IdempotencyKey;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Player;
import org.arborlab.entity.RoomName;
import org.arborlab.entity.RoomSession;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.App;

/**
 * Owns the session lifecycle. {@link #create} is the one way a session comes into being: it builds the
 * participants, and for each app and round a subsession with its groups and players, in one transaction.
 */
@Stateless
public class SessionService {
    /** More participants than this in one session is refused (a typo guard; a lab has far fewer). */
    public static final int MAX_PARTICIPANTS = 10_000;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SettingsService settingsService;

    @Inject
    AppRegistry apps;

    @Resource
    SessionContext context;
    @Inject
    SessionHooks hooks;

    @Inject
    Event<RoomSessionStarted> roomSessionStarted;

    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.create")
    public Session create(@NotNull @Valid CreateSession request) {
        Settings settings = settingsService.settings();
        SessionConfig config = settings.sessionConfig(request.configName())
                .orElseThrow(() -> new NotFoundException("Session config \"" + request.configName()
                        + "\" not found in settings.SESSION_CONFIGS."));
        JsonObject effectiveConfig = ConfigEdits.apply(config, request.modifiedConfigFields());
        List<App<?, ?, ?>> sequence = config.appSequence().stream().<App<?, ?, ?>>map(name -> apps.get(name).app()).toList();
        int numParticipants = numParticipants(config, sequence, request.numParticipants());
        RoomName room = null;
        if (request.roomName() != null) {
            if (settings.room(request.roomName()).isEmpty()) {
                throw new NotFoundException("Room " + request.roomName() + " not found");
            }
            room = new RoomName(request.roomName());
        }

        Session session = new Session(newSessionCode(), newAnonymousCode(), config.name(), effectiveConfig,
                numParticipants, request.demo(), System.currentTimeMillis());
        session.setLabel(request.label());
        em.persist(session);
        hooks.build(session, numParticipants);
        if (room != null) {
            bindRoom(room, session);
            roomSessionStarted.fire(new RoomSessionStarted(room.value()));
        }
        return session;
    }

    /**
     * {@link #create} under an {@code Idempotency-Key}: the same key within 24 hours returns the first session
     * (and creates nothing); the same key with a different request is refused.
     */
    @RoleRequired(Role.EXPERIMENTER)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionListing create(@NotNull @Valid CreateSession request, @NotNull String idempotencyKey) {
        SessionService self = context.getBusinessObject(SessionService.class);
        try {
            return self.createOnce(request, idempotencyKey);
        } catch (EJBException e) {
            // A concurrent request with the same key won the insert; now its session is there to return.
            return self.createOnce(request, idempotencyKey);
        }
    }

    @RoleRequired(Role.EXPERIMENTER)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SessionListing createOnce(CreateSession request, String idempotencyKey) {
        long now = System.currentTimeMillis();
        String keyHash = CanonicalJson.sha256("POST /api/sessions\n" + idempotencyKey);
        String requestHash = CanonicalJson.sha256(requestJson(request));
        Optional<IdempotencyKey> earlier = em.createNamedQuery("IdempotencyKey.byHash", IdempotencyKey.class)
                .setParameter("hash", keyHash).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst();
        if (earlier.isPresent() && !earlier.get().isExpired(now)) {
            if (!earlier.get().getRequestHash().equals(requestHash)) {
                throw new ConflictException("Idempotency-Key was already used within 24 hours for a different"
                        + " request; use a new key for a new session");
            }
            return new SessionListing(earlier.get().getSession(), Optional.ofNullable(earlier.get().getRoomName()));
        }
        earlier.ifPresent(em::remove);
        em.createNamedQuery("IdempotencyKey.expire").setParameter("before", now - IdempotencyKey.LIFETIME_MS)
                .executeUpdate();
        // through the container, not this: the audit entry and the role check belong to every session created
        Session session = context.getBusinessObject(SessionService.class).create(request);
        em.persist(new IdempotencyKey(keyHash, requestHash, session, request.roomName(), now));
        em.flush();
        return new SessionListing(session, Optional.ofNullable(request.roomName()));
    }

    private static String requestJson(CreateSession request) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("session_config_name", request.configName())
                .add("label", request.label())
                .add("is_demo", request.demo());
        if (request.numParticipants() != null) {
            json.add("num_participants", request.numParticipants());
        }
        if (request.modifiedConfigFields() != null) {
            json.add("modified_session_config_fields", request.modifiedConfigFields());
        }
        if (request.roomName() != null) {
            json.add("room_name", request.roomName());
        }
        return CanonicalJson.of(json.build()).toString();
    }

    public Optional<Session> find(SessionCode code) {
        return em.createNamedQuery("Session.byCode", Session.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    /** Non-demo sessions, oldest first, as {@code GET /api/sessions} lists them. */
    public List<SessionListing> listNonDemo() {
        Map<Long, String> rooms = new HashMap<>();
        for (RoomSession binding : em.createNamedQuery("RoomSession.all", RoomSession.class).getResultList()) {
            rooms.put(binding.getSession().getId(), binding.getRoomName().value());
        }
        return em.createNamedQuery("Session.nonDemo", Session.class).getResultList().stream()
                .map(s -> new SessionListing(s, Optional.ofNullable(rooms.get(s.getId())))).toList();
    }

    /** Room name to the code of the session bound to it. */
    public Map<String, String> roomBindings() {
        Map<String, String> bindings = new HashMap<>();
        for (RoomSession binding : em.createNamedQuery("RoomSession.all", RoomSession.class).getResultList()) {
            bindings.put(binding.getRoomName().value(), binding.getSession().getCode().value());
        }
        return bindings;
    }

    /**
     * A session with its participants; {@code labels}, when not null, keeps only participants with those labels.
     */
    public SessionDetail detail(@NotNull SessionCode code, List<String> labels) {
        Session session = require(code);
        Optional<String> room = em.createNamedQuery("RoomSession.bySession", RoomSession.class)
                .setParameter("session", session).getResultStream().findFirst()
                .map(r -> r.getRoomName().value());
        List<Participant> participants;
        if (labels == null) {
            participants = participants(session);
        } else if (labels.isEmpty()) {
            participants = List.of();
        } else {
            participants = em.createNamedQuery("Participant.bySessionAndLabels", Participant.class)
                    .setParameter("session", session).setParameter("labels", labels).getResultList();
        }
        return new SessionDetail(session, room, participants);
    }

    /** @throws NotFoundException with oTree's message when there is no such session */
    public Session require(SessionCode code) {
        return find(code).orElseThrow(() -> notFound(code.value()));
    }

    /** oTree's wording for an unknown session code. */
    public static NotFoundException notFound(String code) {
        return new NotFoundException("Not found: Session, {'code': '" + code + "'}");
    }

    public List<Participant> participants(Session session) {
        return em.createNamedQuery("Participant.bySession", Participant.class).setParameter("session", session)
                .getResultList();
    }

    public List<Subsession> subsessions(Session session) {
        return em.createNamedQuery("Subsession.bySession", Subsession.class).setParameter("session", session)
                .getResultList();
    }

    public List<Group> groups(Subsession subsession) {
        return em.createNamedQuery("Group.bySubsession", Group.class).setParameter("subsession", subsession)
                .getResultList();
    }

    public List<Player> players(Subsession subsession) {
        return em.createNamedQuery("Player.bySubsession", Player.class).setParameter("subsession", subsession)
                .getResultList();
    }

    /** The session a room is bound to, if any. */
    public Optional<Session> sessionInRoom(RoomName room) {
        return Optional.ofNullable(em.find(RoomSession.class, room.value())).map(RoomSession::getSession);
    }

    static int numParticipants(SessionConfig config, List<? extends App<?, ?, ?>> sequence, Integer requested) {
        int lcm = Grouping.lcm(sequence.stream().map(App::playersPerGroup).toList());
        if (requested == null) {
            return Math.max(lcm, 2);
        }
        if (requested <= 0) {
            throw new InvalidInputException("num_participants must be a positive whole number, got " + requested);
        }
        if (requested > MAX_PARTICIPANTS) {
            throw new InvalidInputException("num_participants must be at most " + MAX_PARTICIPANTS + ", got "
                    + requested);
        }
        if (requested % lcm != 0) {
            throw new InvalidInputException("Session Config " + config.name() + ": Number of participants ("
                    + requested + ") is not a multiple of group size (" + lcm + ")");
        }
        return requested;
    }

    private void bindRoom(RoomName room, Session session) {
        RoomSession binding = em.find(RoomSession.class, room.value());
        if (binding == null) {
            em.persist(new RoomSession(room, session));
        } else {
            binding.rebind(session);
        }
    }

    private SessionCode newSessionCode() {
        SessionCode code;
        do {
            code = SessionCode.random();
        } while (codeTaken("Session.byCode", code));
        return code;
    }

    private boolean codeTaken(String query, Object code) {
        return !em.createNamedQuery(query).setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    private String newAnonymousCode() {
        String code;
        do {
            code = AnonymousCode.random();
        } while (!em.createQuery("select s.id from Session s where s.anonymousCode = :code")
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty());
        return code;
    }
}
