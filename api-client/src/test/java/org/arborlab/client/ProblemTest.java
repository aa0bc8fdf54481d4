package org.arborlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static Problem parse(int status, String body) {
        return Problem.parse(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void problemJsonKeepsTypeTitleAndExactDetail() {
        Problem problem = parse(400, """
                {"type":"https://arbor.example/problems/bad-input","title":"Bad input","status":400,
                 "detail":"Session config \\"nope\\" not found in settings.SESSION_CONFIGS."}""");
        assertEquals("https://arbor.example/problems/bad-input", problem.type());
        assertEquals("Bad input", problem.title());
        assertEquals(400, problem.status());
        assertEquals("Session config \"nope\" not found in settings.SESSION_CONFIGS.", problem.detail());
        assertEquals("400 Bad input: Session config \"nope\" not found in settings.SESSION_CONFIGS.",
                problem.summary());
    }

    @Test
    void missingTitleFallsBackToTheReasonPhraseAndTheResponseStatusWins() {
        Problem problem = parse(404, "{\"status\":400,\"detail\":\"Room x not found\"}");
        assertEquals("Not Found", problem.title());
        assertEquals(404, problem.status());
        assertEquals("about:blank", problem.type());
    }

    @Test
    void plainTextBodyOfOlderOtreeIsKeptAsTheDetail() {
        Problem problem = parse(403, "HTTP Request Header otree-rest-key is missing");
        assertEquals("Forbidden", problem.title());
        assertEquals("HTTP Request Header otree-rest-key is missing", problem.detail());
        assertEquals("403 Forbidden: HTTP Request Header otree-rest-key is missing", problem.summary());
    }

    @Test
    void jsonThatIsNotAProblemIsKeptVerbatim() {
        assertEquals("{\"error\":\"boom\"}", parse(500, "{\"error\":\"boom\"}").detail());
        assertEquals("[1,2]", parse(500, "[1,2]").detail());
        assertEquals("{broken", parse(502, "{broken").detail());
    }

    @Test
    void emptyBodyGivesJustStatusAndReason() {
        Problem problem = parse(503, "");
        assertEquals("", problem.detail());
        assertEquals("503 Service Unavailable", problem.summary());
        assertEquals("599 HTTP 599", parse(599, "").summary());
    }

    @Test
    void htmlErrorPageIsKeptAsRawText() {
        String html = "<html><head><title>Application error (500)</title></head></html>\n";
        Problem problem = parse(500, html);
        assertEquals(html.strip(), problem.detail());
        assertEquals(html, problem.body());
    }
}
