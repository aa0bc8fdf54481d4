package org.arborlab.spi;

import jakarta.json.JsonObject;

/** A session's config (read-only): {@code session.config().getInt("num_apples")}. */
public final class Config extends JsonMap {

    public Config(JsonObject json) {
        super(json);
    }

    /** The config's name, e.g. {@code "trust"}. */
    public String name() {
        return getString("name");
    }
}
