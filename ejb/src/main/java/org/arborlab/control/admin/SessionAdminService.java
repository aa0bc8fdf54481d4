package org.arborlab.control.admin;

import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import org.arborlab.control.audit.Audited;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.audit.Audited;
import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.features.ArrivalService;
import org.arborlab.control.engine.runtime.Links;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.RoomConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.RoomSession;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;

/**
 * The admin's view of sessions: the list, archive and delete, one session's description and links, and its
 * editable properties. Each method is one transaction; a refused change writes nothing.
 */
@Stateless
public class SessionAdminService {
    /** The longest label the sessions table stores. */
    public static final int MAX_LABEL = 300;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    SettingsService settings;

    @Inject
    AppRegistry apps;

    @Inject
    ArrivalService arrivals;

    /** Non-demo sessions, newest first: the archive ({@code archived}) or the others. */
    public List<SessionRow> list(boolean archived) {
        List<Session> found = em.createQuery("select s from Session s where s.demo = false and s.archived = :archived"
                + " order by s.createdEpochMillis desc, s.id desc", Session.class)
                .setParameter("archived", archived).getResultList();
        return found.stream().map(s -> new SessionRow(s.getCode().value(), s.getNumParticipants(), s.getConfigName(),
                displayName(s), s.getCreatedEpochMillis(), s.getLabel(), s.isArchived())).toList();
    }

    /** Demo sessions, newest first (the Sessions list leaves them out). */
    public List<SessionRow> demoSessions() {
        List<Session> found = em.createQuery("select s from Session s where s.demo = true"
                + " order by s.createdEpochMillis desc, s.id desc", Session.class).setMaxResults(200).getResultList();
        return found.stream().map(s -> new SessionRow(s.getCode().value(), s.getNumParticipants(), s.getConfigName(),
                displayName(s), s.getCreatedEpochMillis(), s.getLabel(), s.isArchived())).toList();
    }

    /** Moves sessions into the archive or out of it; unknown codes are refused and nothing changes. */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.archive")
    public int setArchived(List<String> codes, boolean archived) {
        List<Session> found = require(codes);
        found.forEach(s -> s.setArchived(archived));
        return found.size();
    }

    /** oTree's {@code /ToggleArchivedSessions}: each session moves into the archive or out of it. */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.toggle_archived")
    public int toggleArchived(List<String> codes) {
        List<Session> found = require(codes);
        found.forEach(s -> s.setArchived(!s.isArchived()));
        return found.size();
    }

    /**
     * Deletes sessions with everything that belongs to them (participants, subsessions, groups, players, page
     * times, chat messages, extra models' records, room bindings, idempotency keys), children first, in this one
     * transaction.
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.delete")
    public int delete(List<String> codes) {
        List<Session> found = require(codes);
        if (found.isEmpty()) {
            return 0;
        }
        List<Long> ids = found.stream().map(Session::getId).toList();
        for (String entity : List.of("ChatMessage", "ExtraModelRow", "PageCompletion", "Player", "PlayerGroup",
                "Subsession", "RoomSession", "IdempotencyKey", "Participant")) {
            em.createQuery("delete from " + entity + " x where x.session.id in :ids").setParameter("ids", ids)
                    .executeUpdate();
        }
        em.createQuery("delete from Session s where s.id in :ids").setParameter("ids", ids).executeUpdate();
        return found.size();
    }

    /** @throws NotFoundException for an unknown code */
    public SessionInfo info(String code) {
        Session session = require(code);
        List<SessionInfo.AppRounds> sequence = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (AppModel app : apps.flow(session.getConfig()).apps()) {
            sequence.add(new SessionInfo.AppRounds(app.name(), app.numRounds(), app.doc()));
            if (app.hasAdminReport()) {
                reports.add(app.name());
            }
        }
        JsonObject config = session.getConfig();
        return new SessionInfo(session.getCode().value(), session.getConfigName(), displayName(session),
                session.getLabel(), session.getComment(), session.isDemo(), session.isArchived(),
                session.getNumParticipants(), session.getCreatedEpochMillis(), room(session).orElse(null),
                config.getString("doc", ""), sequence, reports, number(config, "participation_fee", BigDecimal.ZERO),
                number(config, "real_world_currency_per_point", BigDecimal.ONE));
    }

    /** Whether a session with this code exists (a malformed code does not). */
    public boolean exists(String code) {
        return SessionCode.isValid(code) && sessions.find(new SessionCode(code)).isPresent();
    }

    /** The start links of the Links tab. */
    public SessionLinks links(String code) {
        Session session = require(code);
        List<SessionLinks.ParticipantLink> single = new ArrayList<>();
        for (Participant p : sessions.participants(session)) {
            single.add(new SessionLinks.ParticipantLink(p.getIdInSession(), p.getCode().value(),
                    p.getLabel() == null ? "" : p.getLabel().value(), Links.initializeParticipant(p.getCode().value())));
        }
        RoomLinks room = room(session).flatMap(name -> settings.settings().room(name)).map(this::roomLinks)
                .orElse(null);
        return new SessionLinks("/join/" + session.getAnonymousCode(), single, room);
    }

    /** A room's links: room-wide and per label (secure rooms' labels carry their hash). */
    public RoomLinks roomLinks(RoomConfig room) {
        List<RoomLinks.LabelLink> labels = new ArrayList<>();
        String wide = "/room/" + room.name();
        for (String label : room.participantLabels()) {
            String path = wide + "?participant_label=" + label;
            if (room.useSecureUrls()) {
                path += "&hash=" + arrivals.secureUrlHash(label);
            }
            labels.add(new RoomLinks.LabelLink(label, path));
        }
        return new RoomLinks(room.name(), room.displayName(), wide, room.useSecureUrls(), labels);
    }

    /**
     * Edit properties: label, comment, participation fee and currency per point. Both amounts must be at least 0;
     * on any problem nothing is saved.
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.edit_properties")
    public void editProperties(String code, String label, String comment, BigDecimal participationFee,
            BigDecimal realWorldCurrencyPerPoint) {
        Session session = require(code);
        em.lock(session, LockModeType.PESSIMISTIC_WRITE);
        String newLabel = label == null ? "" : label.strip();
        if (newLabel.length() > MAX_LABEL) {
            throw new InvalidInputException("The label may have at most " + MAX_LABEL + " characters");
        }
        if (participationFee == null || participationFee.signum() < 0) {
            throw new InvalidInputException("participation_fee must be a number of at least 0");
        }
        if (realWorldCurrencyPerPoint == null || realWorldCurrencyPerPoint.signum() < 0) {
            throw new InvalidInputException("real_world_currency_per_point must be a number of at least 0");
        }
        session.setLabel(newLabel);
        session.setComment(comment == null ? "" : comment);
        session.replaceConfig(Json.createObjectBuilder(session.getConfig())
                .add("participation_fee", participationFee)
                .add("real_world_currency_per_point", realWorldCurrencyPerPoint).build());
    }

    /** The rooms of the settings, in settings order, with the session each one has. */
    public List<RoomRow> rooms() {
        Map<String, String> bindings = sessions.roomBindings();
        List<RoomRow> rows = new ArrayList<>();
        for (RoomConfig room : settings.settings().rooms().values()) {
            rows.add(row(room, bindings.get(room.name())));
        }
        return rows;
    }

    /** @throws NotFoundException for a room that is not in the settings */
    public RoomRow room(String name) {
        RoomConfig room = settings.settings().room(name)
                .orElseThrow(() -> new NotFoundException("Room " + name + " not found"));
        return row(room, sessions.roomBindings().get(room.name()));
    }

    /** The room's links; @throws NotFoundException for an unknown room */
    public RoomLinks roomLinks(String name) {
        return roomLinks(settings.settings().room(name)
                .orElseThrow(() -> new NotFoundException("Room " + name + " not found")));
    }

    /**
     * Closes a room: it no longer has a session (the session itself stays, reachable from the sessions list).
     * Newcomers wait for the next session.
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("room.close")
    public void closeRoom(String name) {
        room(name);
        RoomSession binding = em.find(RoomSession.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (binding != null) {
            em.remove(binding);
        }
    }

    private RoomRow row(RoomConfig room, String sessionCode) {
        String label = null;
        if (sessionCode != null) {
            label = sessions.find(new SessionCode(sessionCode)).map(Session::getLabel).orElse("");
        }
        return new RoomRow(room.name(), room.displayName(), room.hasLabels() ? room.participantLabels().size() : 0,
                room.useSecureUrls(), sessionCode, label);
    }

    private Optional<String> room(Session session) {
        return em.createNamedQuery("RoomSession.bySession", RoomSession.class).setParameter("session", session)
                .getResultStream().findFirst().map(r -> r.getRoomName().value());
    }

    private Session require(String code) {
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        return sessions.require(new SessionCode(code));
    }

    private List<Session> require(List<String> codes) {
        Set<String> unique = new LinkedHashSet<>(codes == null ? List.of() : codes);
        List<Session> found = new ArrayList<>();
        for (String code : unique) {
            found.add(require(code));
        }
        found.sort(Comparator.comparing(Session::getId));
        return found;
    }

    /** The config's display name as the session stored it (the settings may have changed since). */
    static String displayName(Session session) {
        JsonValue name = session.getConfig().get("display_name");
        return name instanceof JsonString s && !s.getString().isEmpty() ? s.getString() : session.getConfigName();
    }

    private static BigDecimal number(JsonObject config, String key, BigDecimal otherwise) {
        return config.get(key) instanceof JsonNumber n ? n.bigDecimalValue() : otherwise;
    }
}
