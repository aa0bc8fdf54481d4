package org.arborlab.spi;

import jakarta.json.JsonObject;

/**
 * {@code participant.vars} or {@code session.vars}: any JSON-compatible data, kept across apps. Changes are
 * saved when the page (or wait page, or hook) that made them finishes; Arbor merges them key by key with
 * changes made at the same time elsewhere.
 */
public final class Vars extends JsonMap {

    public Vars(JsonObject json) {
        super(json);
    }

    /** Stores a string, number, boolean, {@link Currency}, list or map (nested freely). */
    public Vars put(String key, Object value) {
        values.put(key, toJson(value));
        return this;
    }

    public Vars remove(String key) {
        values.remove(key);
        return this;
    }
}
