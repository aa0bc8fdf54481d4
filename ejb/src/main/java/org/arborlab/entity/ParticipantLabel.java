package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A participant label: the name a room's label file or a start link gives a participant (oTree allows up to
 * 100 characters). Labels are case-sensitive.
 */
@Embeddable
public class ParticipantLabel implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_LENGTH = 100;

    @Column(name = "label", length = MAX_LENGTH)
    private String value;

    protected ParticipantLabel() {
        // for JPA
    }

    public ParticipantLabel(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("participant_label is too long or malformed: " + value);
        }
        this.value = value;
    }

    /** Non-blank, at most 100 characters, no control characters. */
    public static boolean isValid(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH
                && value.chars().noneMatch(Character::isISOControl);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantLabel other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
