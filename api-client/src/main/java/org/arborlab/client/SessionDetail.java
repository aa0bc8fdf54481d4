package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session with its config and participants.
 *
 * @param config      the session config as the session uses it (after modified_session_config_fields)
 * @param sessionVars the session vars the request asked for (see {@link SessionQuery}), plus any other key
 *                    the server adds that this client does not know
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDetail(
        @JsonProperty("code") String code,
        @JsonProperty("num_participants") Integer numParticipants,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("label") String label,
        @JsonProperty("config_name") String configName,
        @JsonProperty("config") Map<String, Object> config,
        @JsonProperty("REAL_WORLD_CURRENCY_CODE") String realWorldCurrencyCode,
        @JsonProperty("session_wide_url") String sessionWideUrl,
        @JsonProperty("admin_url") String adminUrl,
        @JsonProperty("room_url") String roomUrl,
        @JsonProperty("participants") List<Participant> participants,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> sessionVars) {

    public SessionDetail {
        config = Maps.readOnlyCopy(config);
        participants = Maps.readOnlyCopy(participants);
        sessionVars = Maps.readOnlyCopy(sessionVars);
    }
}
