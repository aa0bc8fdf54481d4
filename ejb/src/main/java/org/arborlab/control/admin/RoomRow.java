package org.arborlab.control.admin;

/**
 * A room and its current session.
 *
 * @param sessionCode the session bound to the room, or null
 */
public record RoomRow(String name, String displayName, int numLabels, boolean secure, String sessionCode,
        String sessionLabel) {

    public boolean hasSession() {
        return sessionCode != null;
    }
}
