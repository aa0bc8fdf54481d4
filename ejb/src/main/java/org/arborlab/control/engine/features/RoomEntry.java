package org.arborlab.control.engine.features;

/** What opening a room link leads to. */
public sealed interface RoomEntry {

    /** Unknown room, wrong hash or malformed label: a 404 with oTree's message. */
    record NotFound(String message) implements RoomEntry {
    }

    /** A room with a label file and no (or an unknown) label: ask for it. {@code error} may be null. */
    record AskLabel(String roomDisplayName, String error) implements RoomEntry {
    }

    /** The room has no session yet: wait, and reload when it has one. */
    record Wait(String roomName, String roomDisplayName, String label) implements RoomEntry {
    }

    /** The room's session has no free place. */
    record Full() implements RoomEntry {
    }

    /** The visitor is this participant; {@code sessionCode} names the cookie that recognises them next time. */
    record Assigned(String participantCode, String sessionCode) implements RoomEntry {
    }
}
