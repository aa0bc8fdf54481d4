package org.arborlab.control.session;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What it takes to create a session; the single input of {@link SessionService#create}, whoever asks (REST,
 * the admin form, a demo link).
 *
 * @param numParticipants null means oTree's default: the group size's least common multiple, at least 2
 * @param modifiedConfigFields null or an object of config fields to change for this session
 * @param roomName null, or the room whose session this becomes
 */
public record CreateSession(
        @NotBlank String configName,
        Integer numParticipants,
        JsonObject modifiedConfigFields,
        String roomName,
        @NotNull @Size(max = 300) String label,
        boolean demo) {

    public static CreateSession of(String configName, Integer numParticipants) {
        return new CreateSession(configName, numParticipants, null, null, "", false);
    }
}
