package org.arborlab.control.admin;

import java.util.List;

/** A room's start links: room-wide, and one per participant label (with its hash for secure rooms). */
public record RoomLinks(String name, String displayName, String roomWide, boolean secure,
        List<LabelLink> labelLinks) {

    public record LabelLink(String label, String path) {
    }
}
