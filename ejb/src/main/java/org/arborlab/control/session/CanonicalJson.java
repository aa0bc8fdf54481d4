package org.arborlab.control.session;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** JSON with object keys sorted at every level, so equal requests hash equally whatever their key order. */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static JsonValue of(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder sorted = Jsonp.createObjectBuilder();
            new TreeMap<>(object).forEach((k, v) -> sorted.add(k, of(v)));
            return sorted.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder items = Jsonp.createArrayBuilder();
            array.forEach(v -> items.add(of(v)));
            return items.build();
        }
        return value;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
