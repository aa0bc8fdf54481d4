package org.arborlab.control.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of this request's caller, as the boundary established them: the web's access filter from the
 * login (or everything when OTREE_AUTH_LEVEL is unset, nothing more than the page's own role for an anonymous
 * visitor of a page oTree opens under DEMO), the REST filter from the key or token. Nobody granted means no
 * role: an action is refused.
 */
@RequestScoped
public class Caller {
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private String name;

    /** Grants {@code role} and every role it includes. */
    public void grant(String who, Role role) {
        name = who;
        roles.addAll(role.andBelow());
    }

    /** Forgets every grant (e.g. at logout, or to act as nobody in a test). */
    public void clear() {
        roles.clear();
        name = null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** For messages: who the caller is, or "nobody logged in". */
    public String describe() {
        return name == null ? "nobody logged in" : name + " (" + (roles.isEmpty() ? "no role"
                : roles.stream().max(Enum::compareTo).orElseThrow().text()) + ")";
    }
}
