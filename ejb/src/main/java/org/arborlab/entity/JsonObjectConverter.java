package org.arborlab.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

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
        return JsonValues.parseObject(text);
    }
}
