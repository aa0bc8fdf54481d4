package org.arborlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which requests are repeated after a failure, and how often. Backoff is 1 ms so the tests stay fast. */
class RetryTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
    private static final String BUSY = "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"restarting\"}";

    private FakeArborServer server;
    private ArborClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeArborServer(null);
        client = ArborClient.builder(server.url()).retryPolicy(FAST).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getIsRetriedUntilItSucceeds() {
        server.failNext(2, 503, "application/problem+json", BUSY);
        assertEquals(2, client.rooms().size());
        assertEquals(3, server.count("GET", "/api/rooms"));
    }

    @Test
    void getGivesUpAfterMaxAttemptsWithTheLastError() {
        server.failNext(5, 502, "text/plain", "bad gateway");
        ArborServerException e = assertThrows(ArborServerException.class, client::listSessions);
        assertEquals("bad gateway", e.detail());
        assertEquals(3, server.count("GET", "/api/sessions"));
    }

    @Test
    void clientErrorsAreNeverRetried() {
        server.failNext(1, 429, "text/plain", "slow down");
        assertThrows(ArborApiException.class, client::rooms);
        assertEquals(1, server.count("GET", "/api/rooms"));

        assertThrows(ArborNotFoundException.class, () -> client.getSession("nope0000"));
        assertEquals(1, server.count("GET", "/api/sessions/nope0000"));
    }

    @Test
    void notImplementedIsNotRetried() {
        server.failNext(3, 501, "text/plain", "no export here");
        assertThrows(ArborServerException.class, client::apps);
        assertEquals(1, server.count("GET", "/api/apps"));
    }

    @Test
    void sessionCreationWithoutIdempotencyKeyIsNotRetried() {
        server.failNext(1, 503, "application/problem+json", BUSY);
        ArborServerException e = assertThrows(ArborServerException.class,
                () -> client.createSession(SessionRequest.of("trust", 2)));
        assertEquals("restarting", e.detail());
        assertEquals(1, server.count("POST", "/api/sessions"));
        assertEquals(0, server.sessionCount());
    }

    @Test
    void sessionCreationWithIdempotencyKeyIsRetriedAndCreatesOneSession() {
        server.failNext(2, 503, "application/problem+json", BUSY);
        CreatedSession created = client.createSession(SessionRequest.of("trust", 2), "key-1");
        assertEquals(3, server.count("POST", "/api/sessions"));
        assertEquals(1, server.sessionCount());

        CreatedSession again = client.createSession(SessionRequest.of("trust", 2), "key-1");
        assertEquals(created, again);
        assertEquals(1, server.sessionCount());
        server.requests().stream().filter(r -> r.method().equals("POST"))
                .forEach(r -> assertEquals("key-1", r.headers().get("idempotency-key")));
    }

    @Test
    void varsMergesAreRetried() {
        server.failNext(1, 500, "text/plain", "database gone");
        client.setParticipantVarsInRoom("econ101", "albert_e", Map.of("age", 25));
        assertEquals(2, server.count("POST", "/api/participant_vars"));
        assertEquals(Map.of("age", 25), server.pendingVars("econ101", "albert_e"));
    }

    @Test
    void readingPostOfGetSessionIsRetried() {
        String code = server.addSession("survey", 2, null);
        server.failNext(1, 504, "text/plain", "gateway timeout");
        SessionDetail detail = client.getSession(code, new SessionQuery(java.util.List.of(), java.util.List.of("age"),
                java.util.List.of()));
        assertEquals(code, detail.code());
        assertEquals(2, server.count("POST", "/api/get_session/" + code));
    }

    @Test
    void noneMeansOneAttempt() {
        ArborClient once = ArborClient.builder(server.url()).retryPolicy(RetryPolicy.none()).build();
        server.failNext(1, 503, "text/plain", "busy");
        assertThrows(ArborServerException.class, once::rooms);
        assertEquals(1, server.count("GET", "/api/rooms"));
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3), 2.0);
        assertEquals(Duration.ofMillis(500), policy.backoffAfter(1));
        assertEquals(Duration.ofMillis(1000), policy.backoffAfter(2));
        assertEquals(Duration.ofMillis(2000), policy.backoffAfter(3));
        assertEquals(Duration.ofSeconds(3), policy.backoffAfter(4));
        assertEquals(Duration.ofSeconds(3), policy.backoffAfter(5));
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0.5));
    }
}
