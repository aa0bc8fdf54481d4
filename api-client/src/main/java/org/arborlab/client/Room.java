package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A room from the server's settings. {@code sessionCode} is null when no session is open in it. */
public record Room(
        @JsonProperty("name") String name,
        @JsonProperty("session_code") String sessionCode,
        @JsonProperty("url") String url) {
}
