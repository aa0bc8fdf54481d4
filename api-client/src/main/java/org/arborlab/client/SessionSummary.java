package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One entry of the session list (demo sessions are not listed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionSummary(
        @JsonProperty("code") String code,
        @JsonProperty("num_participants") Integer numParticipants,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("label") String label,
        @JsonProperty("config_name") String configName,
        @JsonProperty("session_wide_url") String sessionWideUrl,
        @JsonProperty("admin_url") String adminUrl,
        @JsonProperty("room_url") String roomUrl) {
}
