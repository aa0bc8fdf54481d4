package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Identifies a participant in URLs and the REST API: 8 characters of {@code [a-z0-9]}, as in oTree. */
@Embeddable
public class ParticipantCode implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "code", length = 8, nullable = false, unique = true)
    private String value;

    protected ParticipantCode() {
        // for JPA
    }

    public ParticipantCode(String value) {
        this.value = Code.require(value, "Participant code");
    }

    public static ParticipantCode random() {
        return new ParticipantCode(Code.random());
    }

    /** True if {@code value} has the shape of a code; lets boundaries answer 404 without an exception. */
    public static boolean isValid(String value) {
        return Code.isValid(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantCode other && value.equals(other.value);
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
