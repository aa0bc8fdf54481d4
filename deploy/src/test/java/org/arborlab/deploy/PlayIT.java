package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Participants play through pages over HTTP, as browsers do; the database shows what they did. */
@ExtendWith(ArquillianExtension.class)
class PlayIT {

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(PlayIT.class, Browser.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Test
    void twoParticipantsPlayTheTrustGame() {
        Session session = sessions.create(CreateSession.of("trust", 2));
        List<Participant> participants = sessions.participants(session);
        Browser a = new Browser(base);
        Browser b = new Browser(base);
        Browser.Page pa = a.get("/InitializeParticipant/" + participants.get(0).getCode().value());
        Browser.Page pb = b.get("/InitializeParticipant/" + participants.get(1).getCode().value());
        assertEquals(200, pa.status(), pa.html());
        assertEquals("trust/1/Introduction/1", pa.marker(), pa.html());
        assertEquals("trust/1/Introduction/1", pb.marker());
        pa = a.submit(pa, Map.of());
        assertEquals("Send", pa.pageName(), pa.html());
        pa = a.submit(pa, Map.of("sentAmount", "11"));
        assertEquals("Send", pa.pageName());
        assertTrue(pa.contains("Ensure this value is less than or equal to 10."), pa.html());
        pa = a.submit(pa, Map.of("sentAmount", "4"));
        assertEquals("SendBackWaitPage", pa.pageName(), pa.html());
        pb = b.submit(pb, Map.of());
        assertEquals("SendBack", pb.pageName(), pb.html());
        assertTrue(pb.contains("You received 12 points"), pb.html());
        // A was moved on when B arrived at SendBackWaitPage and waits at ResultsWaitPage: B's arrival releases both
        pb = b.submit(pb, Map.of("sentBackAmount", "5"));
        assertEquals("Results", pb.pageName(), pb.html());
        pa = a.get(pa.path());
        assertEquals("Results", pa.pageName(), pa.html());
        assertTrue(pa.contains("11 points"), pa.html());
        pa = a.submit(pa, Map.of());
        assertEquals(200, pa.status());
        assertTrue(pa.contains("No more pages left."), pa.html());
        List<Participant> after = sessions.participants(sessions.find(session.getCode()).orElseThrow());
        assertEquals(0, new BigDecimal("11").compareTo(after.get(0).getPayoff()));
        assertEquals(0, new BigDecimal("7").compareTo(after.get(1).getPayoff()));
    }
}
