package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import jakarta.json.Json;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.engine.features.AdminReportService;
import org.arborlab.entity.PageCompletion;
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
        return RealWar.load().addClasses(PlayIT.class, Browser.class, DatabaseSnapshot.class, Push.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @Inject
    AdminReportService reports;

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
        assertTrue(pb.contains("Debug info") && pb.contains("vars_for_template")
                && pb.contains("{tripledAmount=12 points}"), "the debug panel outside production");
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

        // page times: arrival, each page completed (SendBack is not displayed to A), wait pages flagged
        List<PageCompletion> times = em.createQuery("select c from PageCompletion c where c.participant = :p"
                + " order by c.id", PageCompletion.class).setParameter("p", after.get(0)).getResultList();
        assertEquals(List.of("0::InitializeParticipant:1:false:false", "1:trust:Introduction:1:false:false",
                "2:trust:Send:1:false:false", "3:trust:SendBackWaitPage:1:false:true",
                "5:trust:ResultsWaitPage:1:false:true", "6:trust:Results:1:false:false"),
                times.stream().map(c -> c.getPageIndex() + ":" + c.getAppName() + ":" + c.getPageName() + ":"
                        + c.getRoundNumber() + ":" + c.isTimeoutHappened() + ":" + c.isWaitPage()).toList());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).getEpochMillisCompleted() >= times.get(i - 1).getEpochMillisCompleted());
        }
    }

    private String start(Session session, int idInSession) {
        return sessions.participants(session).get(idInSession - 1).getCode().value();
    }

    @Test
    void badInputAndRepeatedSubmissionsChangeNothing() {
        Session session = sessions.create(CreateSession.of("survey", 1));
        String code = start(session, 1);
        Browser browser = new Browser(base);
        Browser.Page page = browser.get("/InitializeParticipant/" + code);
        assertEquals("survey/1/Demographics/1", page.marker());

        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        Browser.Page refused = browser.submit(page, Map.of("age", "abc", "gender", "Female", "student", "maybe"));
        assertEquals(200, refused.status());
        assertEquals(page.marker(), refused.marker());
        assertTrue(refused.contains("Enter a whole number."), refused.html());
        assertTrue(refused.contains("Select Yes or No."), refused.html());
        assertTrue(refused.contains("value=\"abc\""), "the participant's input is shown again");
        assertEquals("survey/1/Demographics/1",
                browser.post("/p/" + code + "/survey/Cognitive/2", Map.of("crtBall", 1)).marker(),
                "a submission for another page is redirected to the current one");
        assertEquals("survey/1/Demographics/1", browser.get("/p/" + code + "/survey/Cognitive/2").marker(),
                "a page ahead redirects to the current page");
        assertEquals(404, browser.get("/p/zzzzzzzz/survey/Demographics/1").status());
        assertEquals(404, browser.post("/p/zzzzzzzz/survey/Demographics/1", Map.of("age", 30)).status());
        assertEquals(404, browser.get("/p/" + code + "/survey").status());
        assertEquals(before, DatabaseSnapshot.take(em), "refused and misdirected requests wrote nothing");

        Browser.Page next = browser.submit(page, Map.of("age", 30, "gender", "Female", "student", "0"));
        assertEquals("survey/1/Cognitive/2", next.marker());
        Map<String, List<String>> accepted = DatabaseSnapshot.take(em);
        Browser.Page again = browser.submit(page, Map.of("age", 31, "gender", "Male", "student", "1"));
        assertEquals("survey/1/Cognitive/2", again.marker(), "a repeated submission lands on the current page");
        assertEquals(accepted, DatabaseSnapshot.take(em), "and changes nothing");

        // page-level validation, and text the participant typed is shown escaped
        Browser.Page cognitive = browser.submit(next, Map.of("crtBall", 10, "hoursOfSleep", 20, "hoursOfWork", 8));
        assertTrue(cognitive.contains("Sleep and work cannot add up to more than 24 hours."), cognitive.html());
        Browser.Page feedback = browser.submit(next, Map.of("crtBall", 10, "hoursOfSleep", 8, "hoursOfWork", 8));
        Browser.Page escaped = browser.submit(feedback, Map.of("comments", "<script>alert(1)</script>"));
        assertTrue(escaped.contains("This field is required."), escaped.html());
        assertTrue(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), escaped.html());
        assertTrue(!escaped.contains("<script>alert(1)"), "never echoed as markup");
    }

    /**
     * Number inputs as oTree's forms read them: refused with Django's message and nothing stored, never rounded
     * (2.5 points with POINTS_DECIMAL_PLACES 0 was stored as 3, 4.5 as 5, "4%00" as 4); 0 is an answer.
     */
    @Test
    void numberInputsAreRefusedAsOTreeRefusesThemAndZeroIsAnAnswer() {
        Session survey = sessions.create(CreateSession.of("survey", 1));
        String code = start(survey, 1);
        Browser browser = new Browser(base);
        Browser.Page page = browser.get("/InitializeParticipant/" + code);
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        for (String age : List.of("30.5", "30\u0000", "3e1", "0x1E")) {
            Browser.Page refused = browser.submit(page, Map.of("age", age, "gender", "Female", "student", "0"));
            assertEquals(page.marker(), refused.marker(), age);
            assertTrue(refused.contains("Enter a whole number."), age + ": " + refused.html());
        }
        assertEquals(before, DatabaseSnapshot.take(em), "refused numbers wrote nothing");
        Browser.Page cognitive = browser.submit(page, Map.of("age", "30.0", "gender", "Female", "student", "0"));
        assertEquals("survey/1/Cognitive/2", cognitive.marker(), "Django's whole number may end in .0");
        Browser.Page refused = browser.submit(cognitive, Map.of("crtBall", "0", "hoursOfSleep", "8\u0000",
                "hoursOfWork", "1d"));
        assertTrue(refused.contains("Enter a number."), refused.html());
        assertTrue(!refused.contains("This field is required."), "0 is an answer, not a missing one");
        Browser.Page feedback = browser.submit(cognitive, Map.of("crtBall", "0", "hoursOfSleep", "8",
                "hoursOfWork", "0"));
        assertEquals("survey/1/Feedback/3", feedback.marker(), feedback.html());

        Session trust = sessions.create(CreateSession.of("trust", 2));
        Browser a = new Browser(base);
        Browser.Page send = a.submit(a.get("/InitializeParticipant/" + start(trust, 1)), Map.of());
        assertEquals("Send", send.pageName(), send.html());
        Map<String, List<String>> beforeSend = DatabaseSnapshot.take(em);
        for (String amount : List.of("2.5", "2.0", "4\u0000")) {
            Browser.Page again = a.submit(send, Map.of("sentAmount", amount));
            assertEquals("Send", again.pageName(), amount);
            assertTrue(again.contains(amount.contains("\u0000") ? "Enter a number."
                    : "Ensure that there are no more than 0 decimal places."), amount + ": " + again.html());
        }
        assertEquals(beforeSend, DatabaseSnapshot.take(em), "no currency amount was rounded and stored");
        assertEquals("SendBackWaitPage", a.submit(send, Map.of("sentAmount", "0")).pageName(),
                "0 points is a valid amount");
    }

    @Test
    void aTimedOutPageSubmitsItselfWhenTheParticipantComesBack() throws Exception {
        Session session = sessions.create(new CreateSession("quiz", 1,
                Json.createObjectBuilder().add("quiz_timeout_seconds", 2).build(), null, "", false));
        String code = start(session, 1);
        Browser browser = new Browser(base);
        Browser.Page consent = browser.get("/InitializeParticipant/" + code);
        Browser.Page question = browser.submit(consent, Map.of("consent", "1"));
        assertEquals("quiz/1/Question/2", question.marker());
        assertTrue(question.contains("data-seconds-left=\"2\""), question.html());
        Thread.sleep(2300);
        Browser.Page next = browser.get(question.path());
        assertEquals("quiz/2/Question/5", next.marker(), "round 1's question timed out on the server");
        PageCompletion timedOut = em.createQuery("select c from PageCompletion c where c.participant.code.value = :code"
                + " and c.pageName = 'Question'", PageCompletion.class).setParameter("code", code).getSingleResult();
        assertTrue(timedOut.isTimeoutHappened());
        assertEquals(1, timedOut.getRoundNumber());

        // a browser claiming a timeout before its time is treated as a normal submission
        Browser.Page early = browser.post(next.path(), Map.of("answer", "abc", "timeout_happened", "1"));
        assertEquals("quiz/2/Question/5", early.marker());
        assertTrue(early.contains("Enter a whole number."), early.html());

        Map<String, Object> report = reports.report(session.getCode(), "quiz", 99);
        assertEquals(Map.of("quiz", 3), reports.appsWithReports(session.getCode()));
        assertEquals(3, ((Map<?, ?>) report.get("subsession")).get("roundNumber"), "an unknown round is the last");
        assertEquals(List.of("0 points"), report.get("payoffs"));
        assertEquals(0L, report.get("rightAnswers"));
    }

    @Test
    void withoutConsentTheQuizSkipsToTheNextApp() {
        Session session = sessions.create(CreateSession.of("quiz", 1));
        Browser browser = new Browser(base);
        Browser.Page consent = browser.get("/InitializeParticipant/" + start(session, 1));
        Browser.Page next = browser.submit(consent, Map.of("consent", "0"));
        assertEquals("survey/1/Demographics/10", next.marker(), "appAfterThisPage jumped to the survey");
    }

    @Test
    void aWaitingParticipantIsToldToReloadWhenTheGroupIsComplete() throws Exception {
        Session session = sessions.create(CreateSession.of("trust", 2));
        Browser a = new Browser(base);
        Browser b = new Browser(base);
        Browser.Page pa = a.submit(a.get("/InitializeParticipant/" + start(session, 1)), Map.of());
        pa = a.submit(pa, Map.of("sentAmount", "3"));
        assertEquals("SendBackWaitPage", pa.pageName());
        String channel = "/live/wait/" + start(session, 1) + "/3";
        assertTrue(pa.contains(channel), pa.html());

        CompletableFuture<String> pushed = Push.listen(base, channel);
        Thread.sleep(500);
        assertTrue(!pushed.isDone(), "nobody is released before B arrives");
        long arrived = System.currentTimeMillis();
        Browser.Page pb = b.submit(b.get("/InitializeParticipant/" + start(session, 2)), Map.of());
        assertEquals("SendBack", pb.pageName());
        assertEquals("reload", pushed.get(10, TimeUnit.SECONDS));
        assertTrue(System.currentTimeMillis() - arrived < 5000, "pushed, not found by the fallback reload");
        assertEquals("ResultsWaitPage", a.get(pa.path()).pageName(), "A was moved on when released");
    }
}
