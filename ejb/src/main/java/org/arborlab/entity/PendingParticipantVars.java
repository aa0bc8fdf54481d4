package org.arborlab.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * Participant vars posted over REST for a room label that has not arrived yet (oTree's
 * {@code ParticipantVarsFromREST}). Applied and deleted when that label arrives in any later session of the
 * room. Unique per (room, label).
 */
@Entity
@Table(name = "arbor_pending_participant_vars")
@NamedQuery(name = "PendingParticipantVars.find", query = "select v from PendingParticipantVars v"
        + " where v.roomName = :room and v.participantLabel = :label")
public class PendingParticipantVars extends Identified {

    @Embedded
    private RoomName roomName;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "participant_label", nullable = false,
            length = ParticipantLabel.MAX_LENGTH))
    private ParticipantLabel participantLabel;

    @Lob
    @Column(name = "vars", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject vars = JsonValues.EMPTY;

    protected PendingParticipantVars() {
        // for JPA
    }

    public PendingParticipantVars(RoomName roomName, ParticipantLabel participantLabel) {
        this.roomName = Objects.requireNonNull(roomName);
        this.participantLabel = Objects.requireNonNull(participantLabel);
    }

    public RoomName getRoomName() {
        return roomName;
    }

    public ParticipantLabel getParticipantLabel() {
        return participantLabel;
    }

    public JsonObject getVars() {
        return vars;
    }

    /** Arbor merges repeated posts (oTree replaces), the same as after arrival. */
    public void mergeVars(JsonObject update) {
        this.vars = JsonValues.merge(vars, update);
    }
}
