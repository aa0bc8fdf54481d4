package org.arborlab.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** How a bot run went ({@code POST /api/bots}): the bot session's code, and one line per failed participant. */
public record BotRun(
        @JsonProperty("code") String code,
        @JsonProperty("num_participants") int numParticipants,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("requests") int requests,
        @JsonProperty("millis") long millis,
        @JsonProperty("failures") List<String> failures) {
}
