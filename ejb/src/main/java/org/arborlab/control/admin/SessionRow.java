package org.arborlab.control.admin;

/** A line of the sessions list. */
public record SessionRow(String code, int size, String configName, String configDisplayName,
        long createdEpochMillis, String label, boolean archived) {
}
