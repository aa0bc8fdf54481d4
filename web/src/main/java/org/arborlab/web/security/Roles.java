package org.arborlab.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.arborlab.web.security.AccessRules.Need;

/** Arbor's three roles; they nest, so a user in a higher role passes every lower check. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EXPERIMENTER = "experimenter";
    public static final String VIEWER = "viewer";

    private Roles() {
    }

    static boolean has(HttpServletRequest request, Need need) {
        return switch (need) {
            case ANYONE -> true;
            case VIEWER -> request.isUserInRole(VIEWER) || has(request, Need.EXPERIMENTER);
            case EXPERIMENTER -> request.isUserInRole(EXPERIMENTER) || has(request, Need.ADMIN);
            case ADMIN -> request.isUserInRole(ADMIN);
        };
    }

    /** The roles a user gets from their groups: the highest one and the ones it contains. */
    static Set<String> expand(Collection<String> roles) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String role : roles) {
            switch (role.toLowerCase(Locale.ROOT)) {
                case ADMIN -> needs.addAll(EnumSet.of(Need.ADMIN, Need.EXPERIMENTER, Need.VIEWER));
                case EXPERIMENTER -> needs.addAll(EnumSet.of(Need.EXPERIMENTER, Need.VIEWER));
                case VIEWER -> needs.add(Need.VIEWER);
                default -> {
                    // not an Arbor role
                }
            }
        }
        Set<String> names = new LinkedHashSet<>();
        needs.stream().sorted((a, b) -> b.compareTo(a)).forEach(n -> names.add(n.name().toLowerCase(Locale.ROOT)));
        return names;
    }
}
