package org.arborlab.web.api;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request's JSON body as oTree reads it: an object whose keys are the endpoint's parameters (an empty body is
 * {@code {}}). Unlike oTree, every mistake is a 400 that names the parameter: malformed JSON, a body that is
 * not an object, an unknown or missing parameter, a value of the wrong type.
 */
public final class JsonBody {
    /** Deeper nesting than this is refused before it can exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private final JsonObject body;

    private JsonBody(JsonObject body) {
        this.body = body;
    }

    /**
     * @param allowed the endpoint's parameter names; any other key is refused
     */
    public static JsonBody parse(String text, String... allowed) {
        JsonObject object = text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : read(text);
        Set<String> names = new LinkedHashSet<>(Arrays.asList(allowed));
        for (String key : object.keySet()) {
            if (!names.contains(key)) {
                throw ApiException.badRequest(names.isEmpty()
                        ? "This endpoint takes no parameters, got \"" + key + "\""
                        : "Unknown parameter \"" + key + "\"; this endpoint takes " + String.join(", ", names));
            }
        }
        return new JsonBody(object);
    }

    private static JsonObject read(String text) {
        checkDepth(text);
        try {
            JsonValue value = org.arborlab.entity.JsonValues.parse(text);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("Request body must be a JSON object, got " + describe(value));
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw ApiException.badRequest("Request body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber() + ")"));
        } catch (jakarta.json.JsonException e) {
            throw ApiException.badRequest("Request body is not valid JSON");
        }
    }

    /** Refuses deep nesting and anything after the first value, which the reader would silently ignore. */
    private static void checkDepth(String text) {
        int depth = 0;
        boolean complete = false;
        try (JsonParser parser = Jsonp.createParser(new StringReader(text))) {
            while (!complete && parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        throw ApiException.badRequest("Request body nests deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
                complete = depth == 0 && event != JsonParser.Event.KEY_NAME;
            }
            long end = parser.getLocation().getStreamOffset();
            if (complete && end >= 0 && end < text.length() && !text.substring((int) end).isBlank()) {
                throw ApiException.badRequest("Request body is not valid JSON: text follows the first value");
            }
        } catch (JsonParsingException e) {
            // read() reports it with its position
        } catch (jakarta.json.JsonException e) {
            throw ApiException.badRequest("Request body is not valid JSON");
        }
    }

    public boolean has(String name) {
        return body.containsKey(name);
    }

    private JsonValue required(String name) {
        if (!body.containsKey(name)) {
            throw ApiException.badRequest("Missing required parameter \"" + name + "\"");
        }
        return body.get(name);
    }

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    public String requiredString(String name) {
        JsonValue value = required(name);
        if (!(value instanceof JsonString text)) {
            throw wrongType(name, "a string", value);
        }
        return text.getString();
    }

    /** Absent or null gives null. */
    public String optionalString(String name) {
        JsonValue value = body.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw wrongType(name, "a string or null", value);
        }
        return text.getString();
    }

    /** The key must be present (oTree's keyword-only argument); its value may be null. */
    public Integer requiredNullableInteger(String name) {
        JsonValue value = required(name);
        if (isNull(value)) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrongType(name, "a whole number or null", value);
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (exact.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return exact.intValue();
    }

    public boolean optionalBoolean(String name, boolean otherwise) {
        JsonValue value = body.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw wrongType(name, "true or false", value);
        }
        return value == JsonValue.TRUE;
    }

    public JsonObject requiredObject(String name) {
        JsonValue value = required(name);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "a JSON object", value);
        }
        return value.asJsonObject();
    }

    /** Absent or null gives null. */
    public JsonObject optionalObject(String name) {
        JsonValue value = body.get(name);
        if (isNull(value)) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "a JSON object or null", value);
        }
        return value.asJsonObject();
    }

    /** Absent or null gives null; otherwise a list of strings. */
    public List<String> optionalStrings(String name) {
        JsonValue value = body.get(name);
        if (isNull(value)) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(name, "a list of strings", value);
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (!(item instanceof JsonString text)) {
                throw wrongType(name, "a list of strings", value);
            }
            result.add(text.getString());
        }
        return result;
    }

    private static ApiException wrongType(String name, String expected, JsonValue value) {
        return ApiException.badRequest("Parameter \"" + name + "\" must be " + expected + ", got " + describe(value));
    }

    /** A short description of a value for messages; long values are cut. */
    static String describe(JsonValue value) {
        String kind = switch (value.getValueType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the string";
            case NUMBER -> "the number";
            case TRUE, FALSE -> "the boolean";
            case NULL -> "null";
        };
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return kind;
        }
        String text = value.toString();
        return kind + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
}
