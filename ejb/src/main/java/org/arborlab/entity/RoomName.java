package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/** A room's name as configured in settings: letters, digits and underscores (oTree's rule). */
@Embeddable
public class RoomName implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_]+");

    @Column(name = "room_name", length = 100, nullable = false)
    private String value;

    protected RoomName() {
        // for JPA
    }

    public RoomName(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "room name \"" + value + "\" can only contain letters, numbers, and underscores (_)");
        }
        this.value = value;
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 100 && SHAPE.matcher(value).matches();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoomName other && value.equals(other.value);
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
