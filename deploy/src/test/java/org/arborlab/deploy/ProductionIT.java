package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.control.engine.features.DemoService;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arbor with {@code OTREE_PRODUCTION=1} and a settings file of its own: no debug panel; demo sessions with
 * mock_exogenous_data (and none in a room); regrouping in creatingSession.
 */
@ExtendWith(ArquillianExtension.class)
class ProductionIT {

    @Deployment
    static WebArchive deployment() throws IOException {
        Path settings = Path.of("target", "it-settings", "production.json").toAbsolutePath();
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                {"SESSION_CONFIGS": [
                   {"name": "survey", "app_sequence": ["survey"], "num_demo_participants": 3,
                    "mock_exogenous_data": true},
                   {"name": "regrouping", "app_sequence": ["regrouping"], "num_demo_participants": 6},
                   {"name": "crashing", "app_sequence": ["crashing"]}],
                 "ROOMS": [{"name": "lab", "display_name": "Lab"}],
                 "PARTICIPANT_FIELDS": ["finished"]}
                """, StandardCharsets.UTF_8);
        return RealWar.load().addClasses(ProductionIT.class, RegroupingGame.class, CrashingGame.class,
                Browser.class)
                .addAsResource(new StringAsset("ARBOR_SETTINGS=" + settings + "\nOTREE_PRODUCTION=1\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @Inject
    DemoService demos;

    @Test
    void demoSessionsGetMockedDataButRoomSessionsDoNot() {
        Session demo = demos.createDemoSession("survey");
        assertTrue(demo.isDemo());
        List<Participant> participants = sessions.participants(demo);
        assertEquals(3, participants.size(), "num_demo_participants");
        assertEquals(List.of("mocked_1", "mocked_2", "mocked_3"),
                participants.stream().map(p -> p.getLabel().value()).toList());
        assertEquals(99, participants.get(2).getVars().getInt("age"));

        Session inRoom = sessions.create(new CreateSession("survey", 2, null, "lab", "", false));
        for (Participant p : sessions.participants(inRoom)) {
            assertNull(p.getLabel());
            assertFalse(p.getVars().containsKey("age"));
        }
    }

    @Test
    void productionPagesHaveNoDebugPanel() {
        Session session = sessions.create(CreateSession.of("survey", 1));
        Browser.Page page = new Browser(base).get("/InitializeParticipant/"
                + sessions.participants(session).get(0).getCode().value());
        assertEquals("survey/1/Demographics/1", page.marker());
        assertFalse(page.contains("Debug info"), page.html());
        assertFalse(page.contains(session.getCode().value()), "no session code on the page");
    }

    @Test
    void anAppErrorShowsThePlainErrorPageInProduction() {
        Session session = sessions.create(CreateSession.of("crashing", 1));
        Browser browser = new Browser(base);
        Browser.Page page = browser.get("/InitializeParticipant/" + sessions.participants(session).get(0).getCode().value());
        Browser.Page error = browser.submit(page, Map.of());
        assertEquals(500, error.status(), error.html());
        assertFalse(error.contains("error-details") || error.contains("CrashingGame") || error.contains(CrashingGame.MESSAGE),
                error.html());
    }

    @Test
    void creatingSessionCanRegroupPlayers() {
        Session session = sessions.create(CreateSession.of("regrouping", 6));
        List<Subsession> rounds = sessions.subsessions(session);
        List<List<List<Integer>>> matrices = new ArrayList<>();
        for (Subsession round : rounds) {
            List<List<Integer>> matrix = new ArrayList<>();
            for (Group group : sessions.groups(round)) {
                List<Integer> ids = new ArrayList<>();
                sessions.players(round).stream().filter(p -> p.getGroup().getId().equals(group.getId()))
                        .sorted((a, b) -> a.getIdInGroup() - b.getIdInGroup())
                        .forEach(p -> ids.add(p.getIdInSubsession()));
                matrix.add(ids);
            }
            matrices.add(matrix);
        }
        assertEquals(List.of(List.of(2, 1), List.of(4, 3), List.of(6, 5)), matrices.get(0));
        Set<Integer> everyone = new HashSet<>();
        matrices.get(1).forEach(everyone::addAll);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), everyone, "random groups hold everyone once");
        assertTrue(matrices.get(1).stream().allMatch(g -> g.size() == 2));
        assertEquals(matrices.get(1), matrices.get(2), "round 3 is grouped like round 2");
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6)), matrices.get(3), "a group was removed");
        Player first = sessions.players(rounds.get(0)).get(0);
        assertEquals(2, first.getIdInGroup(), "player 1 is second in its group in round 1");
        assertEquals("seller", first.getRole(), "roles follow the id in group");
        assertEquals("buyer", sessions.players(rounds.get(3)).get(0).getRole());
        assertEquals("", sessions.players(rounds.get(3)).get(2).getRole(), "no role for a third member");
    }
}
