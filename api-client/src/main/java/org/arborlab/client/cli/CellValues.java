package org.arborlab.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Locale;
import java.util.Map;
import org.arborlab.client.Json;

/**
 * How the text of a CSV cell or a {@code key=value} argument becomes a JSON value. One rule set for the whole
 * command line, so a value means the same in a file and on the command line:
 * <ul>
 *   <li>integer parameters ({@code num_participants}): a whole number, nothing else;</li>
 *   <li>boolean parameters ({@code is_demo}): true/false/1/0, any case;</li>
 *   <li>object parameters ({@code vars}, {@code modified_session_config_fields}): a JSON object;</li>
 *   <li>a single var or config field: JSON if the text is valid JSON ({@code 25}, {@code true}, {@code null},
 *       {@code [1,2]}, {@code {"a":1}}, {@code "007"}), otherwise the text itself as a string;</li>
 *   <li>names and labels: the text exactly as written.</li>
 * </ul>
 */
final class CellValues {

    private static final ObjectMapper JSON = Json.mapper();

    private static final ObjectReader STRICT_JSON = JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CellValues() {
    }

    /** Thrown for a value that breaks its rule; the message is meant for the user as is. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message);
        }
    }

    static Object jsonOrText(String text) {
        if (text.isBlank()) {
            return text;
        }
        try {
            return JSON.treeToValue(STRICT_JSON.readTree(text), Object.class);
        } catch (JsonProcessingException | IllegalArgumentException notJson) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(String name, String text) throws BadValue {
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadValue(name + " is not valid JSON (" + e.getOriginalMessage() + "): " + text);
        }
        if (node == null || !node.isObject()) {
            throw new BadValue(name + " must be a JSON object like {\"age\": 25}, got: " + text);
        }
        try {
            return JSON.treeToValue(node, Map.class);
        } catch (JsonProcessingException e) {
            throw new BadValue(name + ": " + e.getOriginalMessage());
        }
    }

    static int integer(String name, String text) throws BadValue {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadValue(name + " must be a whole number, got: " + text);
        }
    }

    static boolean bool(String name, String text) throws BadValue {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1":
                return true;
            case "false", "0":
                return false;
            default:
                throw new BadValue(name + " must be true or false, got: " + text);
        }
    }
}
