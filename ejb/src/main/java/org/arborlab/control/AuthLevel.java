package org.arborlab.control;

/** {@code OTREE_AUTH_LEVEL}: unset or empty (open), {@code DEMO} or {@code STUDY}, case-sensitive as in oTree. */
public enum AuthLevel {
    NONE, DEMO, STUDY;

    /** @throws IllegalArgumentException for any other value, so start-up stops with a clear message */
    public static AuthLevel parse(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return switch (value) {
            case "DEMO" -> DEMO;
            case "STUDY" -> STUDY;
            default -> throw new IllegalArgumentException("OTREE_AUTH_LEVEL is \"" + value
                    + "\"; it must be unset, empty, DEMO or STUDY (upper case)");
        };
    }
}
