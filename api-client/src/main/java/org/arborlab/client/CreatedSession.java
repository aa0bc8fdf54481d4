package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to creating a session. {@code roomUrl} is null unless the session was created in a room. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedSession(
        @JsonProperty("code") String code,
        @JsonProperty("session_wide_url") String sessionWideUrl,
        @JsonProperty("admin_url") String adminUrl,
        @JsonProperty("room_url") String roomUrl) {
}
