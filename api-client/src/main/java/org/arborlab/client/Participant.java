package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A participant as the session detail shows it.
 *
 * @param label    null when the participant has none
 * @param finished null when the server's PARTICIPANT_FIELDS do not include {@code finished}
 * @param vars     the participant vars the request asked for (see {@link SessionQuery}); missing keys are left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Participant(
        @JsonProperty("id_in_session") int idInSession,
        @JsonProperty("code") String code,
        @JsonProperty("label") String label,
        @JsonProperty("payoff_in_real_world_currency") BigDecimal payoffInRealWorldCurrency,
        @JsonProperty("finished") Boolean finished,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> vars) {

    public Participant {
        vars = Maps.readOnlyCopy(vars);
    }
}
