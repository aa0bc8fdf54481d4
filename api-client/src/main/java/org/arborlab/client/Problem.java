package org.arborlab.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An error answer of the server, as RFC 9457 problem details.
 *
 * @param type   the problem type URI as sent, or {@code about:blank}
 * @param title  short summary; the standard reason phrase when the server sent none
 * @param status the HTTP status of the response (not the body's claim, which could disagree)
 * @param detail the server's exact message; for a non-JSON body (older oTree servers answer plain text)
 *               the raw text itself
 * @param body   the raw response body as text
 */
public record Problem(String type, String title, int status, String detail, String body) {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    /** Reads an error response body, whatever its content type claims. */
    public static Problem parse(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = asJsonObject(text);
        String reason = REASONS.getOrDefault(status, "HTTP " + status);
        if (json == null || !(json.has("title") || json.has("detail"))) {
            // Plain text (oTree), HTML error pages, or JSON that is not a problem: keep the text verbatim.
            return new Problem("about:blank", reason, status, text.strip(), text);
        }
        return new Problem(
                textOr(json, "type", "about:blank"),
                textOr(json, "title", reason),
                status,
                textOr(json, "detail", ""),
                text);
    }

    /** "404 Not Found: Session 'abc' not found" — the form the command line prints. */
    public String summary() {
        if (detail.isEmpty() || detail.equals(title)) {
            return status + " " + title;
        }
        return status + " " + title + ": " + detail;
    }

    private static JsonNode asJsonObject(String text) {
        if (!text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static String textOr(JsonNode json, String field, String fallback) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
