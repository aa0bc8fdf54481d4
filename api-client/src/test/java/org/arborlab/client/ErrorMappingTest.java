package org.arborlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error status, in problem+json and in oTree's plain text, becomes the right exception with its detail. */
class ErrorMappingTest {

    private FakeArborServer server;
    private ArborClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeArborServer("secret");
        client = ArborClient.builder(server.url()).restKey("secret").retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} as {2}")
    @CsvSource({
            "400, ArborApiException, application/problem+json",
            "401, ArborAuthException, application/problem+json",
            "403, ArborAuthException, application/problem+json",
            "404, ArborNotFoundException, application/problem+json",
            "405, ArborApiException, application/problem+json",
            "413, ArborApiException, application/problem+json",
            "415, ArborApiException, application/problem+json",
            "500, ArborServerException, application/problem+json",
            "502, ArborServerException, application/problem+json",
            "503, ArborServerException, application/problem+json",
            "400, ArborApiException, text/plain",
            "403, ArborAuthException, text/plain",
            "404, ArborNotFoundException, text/plain",
            "405, ArborApiException, text/plain",
            "413, ArborApiException, text/plain",
            "415, ArborApiException, text/plain",
            "500, ArborServerException, text/plain",
    })
    void statusMapsToExceptionWithTheServersDetail(int status, String exceptionClass, String contentType) {
        String detail = "exact message for " + status;
        String body = contentType.equals("text/plain") ? detail
                : "{\"type\":\"about:blank\",\"title\":\"T\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        server.failNext(1, status, contentType, body);

        ArborApiException e = assertThrows(ArborApiException.class, client::rooms);

        assertEquals(exceptionClass, e.getClass().getSimpleName());
        assertEquals(status, e.status());
        assertEquals(detail, e.detail());
        assertEquals("GET", e.method());
        assertEquals("/api/rooms", e.uri().getPath());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        assertEquals(status >= 500, e.isServerError());
        assertEquals(status < 500, e.isClientError());
    }

    @Test
    void missingKeyGivesTheServersExactMessage() {
        ArborClient noKey = ArborClient.builder(server.url()).retryPolicy(RetryPolicy.none()).build();
        ArborAuthException e = assertThrows(ArborAuthException.class, noKey::listSessions);
        assertEquals("HTTP Request Header otree-rest-key is missing", e.detail());
        assertEquals("Forbidden", e.title());
    }

    @Test
    void plainTextErrorsOfAnOtreeStyleServerKeepTheirText() {
        server.usePlainTextErrors();
        ArborClient wrongKey = ArborClient.builder(server.url()).restKey("nope").build();
        ArborAuthException e = assertThrows(ArborAuthException.class, wrongKey::listSessions);
        assertEquals("HTTP Request Header otree-rest-key is incorrect", e.detail());
    }

    @Test
    void unknownSessionIsNotFound() {
        ArborNotFoundException e = assertThrows(ArborNotFoundException.class, () -> client.getSession("zzzzzzzz"));
        assertEquals("Session zzzzzzzz not found", e.detail());
    }

    @Test
    void unknownConfigCarriesTheDetailOfTheProblem() {
        ArborApiException e = assertThrows(ArborApiException.class,
                () -> client.createSession(SessionRequest.of("nope", 2)));
        assertEquals(404, e.status());
        assertEquals("Session config \"nope\" not found in settings.SESSION_CONFIGS.", e.detail());
    }

    @Test
    void noServerListeningIsAConnectionFailure() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ArborClient nobody = ArborClient.builder("http://127.0.0.1:" + port).retryPolicy(RetryPolicy.none()).build();
        ArborConnectionException e = assertThrows(ArborConnectionException.class,
                () -> nobody.setSessionVars("abc", Map.of("x", 1)));
        assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:" + port + "/api/session_vars/abc"),
                e.getMessage());
    }

    @Test
    void malformedSuccessBodyIsReportedNotSwallowed() {
        server.failNext(1, 200, "application/json", "<html>proxy login</html>");
        ArborException e = assertThrows(ArborException.class, client::rooms);
        assertInstanceOf(ArborException.class, e);
        assertTrue(e.getMessage().startsWith("unexpected answer to GET "), e.getMessage());
    }
}
