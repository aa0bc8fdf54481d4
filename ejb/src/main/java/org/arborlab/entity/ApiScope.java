package org.arborlab.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do; each REST endpoint needs one scope. */
public enum ApiScope {
    SESSIONS_CREATE("sessions:create"),
    SESSIONS_READ("sessions:read"),
    PARTICIPANT_VARS("participant_vars"),
    SESSION_VARS("session_vars"),
    CATALOG_READ("catalog:read");

    private final String text;

    ApiScope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** "sessions:create participant_vars" → the set; an unknown name is refused with the list of known ones. */
    public static Set<ApiScope> parse(String text) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : text.trim().split("[\\s,]+")) {
            if (name.isEmpty()) {
                continue;
            }
            scopes.add(Arrays.stream(values()).filter(s -> s.text.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown scope \"" + name + "\"; scopes are "
                            + format(EnumSet.allOf(ApiScope.class)))));
        }
        return scopes;
    }

    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::text).collect(Collectors.joining(" "));
    }
}
