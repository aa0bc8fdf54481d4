package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.token.ApiTokenService;
import org.arborlab.entity.ApiScope;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.RoomName;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the real WAR on Payara Micro, against the real database (H2, or MySQL with -Pmysql): the session
 * lifecycle service builds the right rows, every rejected request leaves the database as it was, and API tokens
 * are stored hashed, scoped, expire and can be revoked.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesIT {
    private static final List<String> TABLES = List.of("arbor_session", "arbor_participant", "arbor_subsession",
            "arbor_group", "arbor_player", "arbor_room_session", "arbor_pending_participant_vars",
            "arbor_page_completion", "arbor_api_token", "arbor_api_token_use");

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClass(ServicesIT.class);
    }

    @Inject
    SessionService sessions;

    @Inject
    ApiTokenService tokens;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void trustSessionHasPairsOfParticipants() {
        Session session = sessions.create(new CreateSession("trust", 4, null, null, "week 1", false));
        Session stored = sessions.find(session.getCode()).orElseThrow();
        assertEquals("trust", stored.getConfigName());
        assertEquals("week 1", stored.getLabel());
        assertEquals(4, stored.getNumParticipants());
        assertTrue(stored.getAnonymousCode().matches("([bcdfghjklmnprstvwz][aeiou]){4}"), stored.getAnonymousCode());

        List<Participant> participants = sessions.participants(stored);
        assertEquals(List.of(1, 2, 3, 4), participants.stream().map(Participant::getIdInSession).toList());
        assertEquals(4, participants.stream().map(p -> p.getCode().value()).distinct().count());

        List<Subsession> subsessions = sessions.subsessions(stored);
        assertEquals(1, subsessions.size());
        assertEquals("trust", subsessions.get(0).getAppName());
        List<Group> groups = sessions.groups(subsessions.get(0));
        assertEquals(2, groups.size());
        assertEquals(List.of("1:1:1", "1:2:2", "2:1:3", "2:2:4"), describe(sessions.players(subsessions.get(0))));
    }

    @Test
    void publicGoodsHasGroupsOfThreeInEveryRound() {
        Session session = sessions.create(CreateSession.of("public_goods", 6));
        List<Subsession> subsessions = sessions.subsessions(session);
        assertEquals(List.of(1, 2, 3), subsessions.stream().map(Subsession::getRoundNumber).toList());
        for (Subsession subsession : subsessions) {
            assertEquals(2, sessions.groups(subsession).size());
            assertEquals(List.of("1:1:1", "1:2:2", "1:3:3", "2:1:4", "2:2:5", "2:3:6"),
                    describe(sessions.players(subsession)));
        }
    }

    @Test
    void severalAppsEachGetTheirSubsessions() {
        Session session = sessions.create(CreateSession.of("trust_then_survey", null));
        assertEquals(2, session.getNumParticipants(), "null means the group size, at least 2");
        List<Subsession> subsessions = sessions.subsessions(session);
        assertEquals(List.of("trust", "survey"), subsessions.stream().map(Subsession::getAppName).toList());
        assertEquals(1, sessions.groups(subsessions.get(1)).size(), "an app without group size has one group");
    }

    @Test
    void modifiedConfigFieldsAreStoredWithTheSessionAndTheConfigIsUntouched() {
        Session session = sessions.create(new CreateSession("trust", 2,
                json("{'num_apples':10,'abc':[1,2,3],'participation_fee':2.5}"), null, "", false));
        JsonObject config = sessions.find(session.getCode()).orElseThrow().getConfig();
        assertEquals(10, config.getInt("num_apples"));
        assertEquals("[1,2,3]", config.get("abc").toString());
        assertEquals("2.5", config.get("participation_fee").toString());
        Session plain = sessions.create(CreateSession.of("trust", 2));
        assertEquals(0, plain.getConfig().getInt("num_apples"));
    }

    @Test
    void aRoomHasOneSessionAndANewOneReplacesIt() {
        Session first = sessions.create(new CreateSession("trust", 2, null, "econ101", "", false));
        assertEquals(first.getCode(), sessions.sessionInRoom(new RoomName("econ101")).orElseThrow().getCode());
        Session second = sessions.create(new CreateSession("trust", 2, null, "econ101", "", false));
        assertEquals(second.getCode(), sessions.sessionInRoom(new RoomName("econ101")).orElseThrow().getCode());
        assertNotEquals(first.getCode(), second.getCode());
    }

    @Test
    void rejectedRequestsWriteNothing() {
        Map<String, Long> before = rowCounts();
        assertRejected(NotFoundException.class, "Session config \"nope\" not found in settings.SESSION_CONFIGS.",
                CreateSession.of("nope", 2));
        assertRejected(InvalidInputException.class,
                "Session Config trust: Number of participants (3) is not a multiple of group size (2)",
                CreateSession.of("trust", 3));
        assertRejected(InvalidInputException.class, "num_participants must be a positive whole number, got -2",
                CreateSession.of("trust", -2));
        assertRejected(InvalidInputException.class, "num_participants must be a positive whole number, got 0",
                CreateSession.of("survey", 0));
        assertRejected(InvalidInputException.class,
                "The following session config fields are not editable: [app_sequence, name]",
                new CreateSession("trust", 2, json("{'app_sequence':['survey'],'name':'x'}"), null, "", false));
        assertRejected(InvalidInputException.class,
                "modified_session_config_fields.num_apples must be a number like the config's value 0, got \"10\"",
                new CreateSession("trust", 2, json("{'num_apples':'10'}"), null, "", false));
        assertRejected(NotFoundException.class, "Room nowhere not found",
                new CreateSession("trust", 2, null, "nowhere", "", false));
        assertEquals(before, rowCounts());
    }

    @Test
    void apiTokensAreShownOnceStoredHashedAndCanBeRevoked() {
        ApiTokenService.Issued issued = tokens.create("Qualtrics", EnumSet.of(ApiScope.PARTICIPANT_VARS),
                "qualtrics_study", null, "admin");
        assertTrue(issued.token().startsWith("arbor_") && issued.token().length() > 40, issued.token());
        String stored = em.createNativeQuery("select token_hash from arbor_api_token where id = ?1")
                .setParameter(1, issued.record().getId()).getSingleResult().toString();
        assertTrue(stored.matches("[0-9a-f]{64}") && !stored.contains(issued.token()), stored);

        ApiTokenService.Grant grant = tokens.authenticate(issued.token()).orElseThrow();
        assertEquals(Set.of(ApiScope.PARTICIPANT_VARS), grant.scopes());
        assertEquals(Optional.of("qualtrics_study"), grant.roomName());
        assertTrue(tokens.authenticate(issued.token() + "x").isEmpty());
        assertTrue(tokens.authenticate("shared-key").isEmpty());

        tokens.recordUse(grant.tokenId(), "POST", "participant_vars", 200);
        assertEquals("POST participant_vars 200", tokens.uses(grant.tokenId(), 10).stream()
                .map(u -> u.getMethod() + " " + u.getPath() + " " + u.getStatus()).findFirst().orElseThrow());

        tokens.revoke(grant.tokenId());
        assertTrue(tokens.authenticate(issued.token()).isEmpty(), "a revoked token no longer works");

        Map<String, Long> before = rowCounts();
        assertRejected(InvalidInputException.class, "A token needs at least one scope",
                () -> tokens.create("x", EnumSet.noneOf(ApiScope.class), null, null, "admin"));
        assertRejected(NotFoundException.class, "Room nowhere not found",
                () -> tokens.create("x", EnumSet.of(ApiScope.SESSION_VARS), "nowhere", null, "admin"));
        assertRejected(InvalidInputException.class, "The expiry must be in the future",
                () -> tokens.create("x", EnumSet.of(ApiScope.SESSION_VARS), null, 1L, "admin"));
        assertEquals(before, rowCounts());
    }

    @Test
    void expiredTokensNoLongerWork() throws Exception {
        ApiTokenService.Issued issued = tokens.create("short-lived", EnumSet.of(ApiScope.CATALOG_READ), null,
                System.currentTimeMillis() + 300, "admin");
        assertTrue(tokens.authenticate(issued.token()).isPresent());
        Thread.sleep(400);
        assertTrue(tokens.authenticate(issued.token()).isEmpty());
    }

    private void assertRejected(Class<? extends RuntimeException> type, String message, Runnable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        assertEquals(type, cause.getClass(), () -> "got " + cause);
        assertEquals(message, cause.getMessage());
    }

    private void assertRejected(Class<? extends RuntimeException> type, String message, CreateSession request) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> sessions.create(request));
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        assertEquals(type, cause.getClass(), () -> "got " + cause);
        assertEquals(message, cause.getMessage());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
                    .longValue());
        }
        return counts;
    }

    /** "group:idInGroup:participant" for each player. */
    private static List<String> describe(List<Player> players) {
        List<String> result = new ArrayList<>();
        for (Player p : players) {
            result.add(p.getGroup().getIdInSubsession() + ":" + p.getIdInGroup() + ":"
                    + p.getParticipant().getIdInSession());
        }
        return result;
    }
}
