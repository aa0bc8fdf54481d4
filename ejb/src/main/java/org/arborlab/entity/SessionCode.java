package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Identifies a session in URLs and the REST API: 8 characters of {@code [a-z0-9]}, as in oTree. */
@Embeddable
public class SessionCode implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "code", length = 8, nullable = false, unique = true)
    private String value;

    protected SessionCode() {
        // for JPA
    }

    public SessionCode(String value) {
        this.value = Code.require(value, "Session code");
    }

    public static SessionCode random() {
        return new SessionCode(Code.random());
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
        return o instanceof SessionCode other && value.equals(other.value);
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
