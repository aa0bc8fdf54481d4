package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A session config from the server's settings.
 *
 * @param fields every other key (participation_fee, real_world_currency_per_point, the study's own
 *               parameters...): these are what modified_session_config_fields may change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionConfig(
        @JsonProperty("name") String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("app_sequence") List<String> appSequence,
        @JsonProperty("num_demo_participants") Integer numDemoParticipants,
        @JsonProperty("doc") String doc,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> fields) {

    public SessionConfig {
        appSequence = Maps.readOnlyCopy(appSequence);
        fields = Maps.readOnlyCopy(fields);
    }
}
