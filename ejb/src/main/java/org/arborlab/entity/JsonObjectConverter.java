package org.arborlab.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/**
 * Stores a JSON object as text. JSON-P keeps numbers as written (an integer stays an integer) and unicode
 * intact, so vars come back out exactly as they went in.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, String> {

    @Override
    public String convertToDatabaseColumn(JsonObject value) {
        return value == null ? "{}" : value.toString();
    }

    @Override
    public JsonObject convertToEntityAttribute(String text) {
        if (text == null || text.isBlank()) {
            return JsonValues.EMPTY;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
