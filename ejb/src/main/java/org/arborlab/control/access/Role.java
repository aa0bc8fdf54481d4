package org.arborlab.control.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Arbor's roles, lowest first; each includes the ones below it. */
public enum Role {
    VIEWER, EXPERIMENTER, ADMIN;

    /** This role and every role it includes. */
    public Set<Role> andBelow() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The role's name as in the role settings and the access table: "viewer", "experimenter", "admin". */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
