package org.arborlab.web.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which identity-provider groups give which Arbor role, from ARBOR_OIDC_ROLE_MAP
 * ("lab-admins=admin,researchers=experimenter,assistants=viewer"). Without a map, groups named like a role
 * (admin, experimenter, viewer) give that role.
 */
public final class RoleMap {
    private final Map<String, String> roleByGroup;

    private RoleMap(Map<String, String> roleByGroup) {
        this.roleByGroup = roleByGroup;
    }

    /** @throws IllegalArgumentException naming the bad entry, so start-up or login fails with a clear reason */
    public static RoleMap parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            for (String role : Set.of(Roles.ADMIN, Roles.EXPERIMENTER, Roles.VIEWER)) {
                map.put(role, role);
            }
            return new RoleMap(map);
        }
        for (String entry : text.split("[,;]")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String group = equals < 0 ? "" : entry.substring(0, equals).trim();
            String role = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (group.isEmpty() || !Set.of(Roles.ADMIN, Roles.EXPERIMENTER, Roles.VIEWER).contains(role)) {
                throw new IllegalArgumentException("ARBOR_OIDC_ROLE_MAP entry \"" + entry.trim()
                        + "\" must be group=role with role admin, experimenter or viewer");
            }
            map.put(group, role);
        }
        return new RoleMap(map);
    }

    /** Arbor's roles (expanded: admin brings experimenter and viewer) for the user's groups. */
    public Set<String> roles(Collection<String> groups) {
        Set<String> roles = new LinkedHashSet<>();
        for (String group : groups) {
            String role = roleByGroup.get(group);
            if (role == null && group.startsWith("/")) {
                role = roleByGroup.get(group.substring(1)); // Keycloak sends full group paths when so set up
            }
            if (role != null) {
                roles.add(role);
            }
        }
        return Roles.expand(roles);
    }
}
