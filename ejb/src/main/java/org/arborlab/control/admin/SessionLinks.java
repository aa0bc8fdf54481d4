package org.arborlab.control.admin;

import java.util.List;

/**
 * The start links of a session (paths, without scheme and host): session-wide, single-use per participant, and
 * the room's links when the session is in a room.
 */
public record SessionLinks(String sessionWide, List<ParticipantLink> singleUse, RoomLinks room) {

    /** {@code /InitializeParticipant/<code>} of one participant. */
    public record ParticipantLink(int idInSession, String code, String label, String path) {
    }
}
