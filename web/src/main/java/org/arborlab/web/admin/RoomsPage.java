package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.arborlab.control.admin.RoomRow;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.web.play.PushHub;

/** {@code /rooms}: every room of the settings, its session and how many visitors wait in it. */
@Named
@RequestScoped
public class RoomsPage {

    @Inject
    SessionAdminService service;

    @Inject
    PushHub hub;

    private List<RoomRow> rows;
    private java.util.Map<String, List<String>> present;

    public List<RoomRow> getRows() {
        if (rows == null) {
            rows = service.rooms();
        }
        return rows;
    }

    public int present(RoomRow room) {
        if (present == null) {
            present = hub.presentInRooms(); // one read of the shared presence for the whole table
        }
        return present.getOrDefault(room.name(), List.of()).size();
    }

    public String link(RoomRow room) {
        return (room.hasSession() ? "/room_with_session/" : "/room_without_session/") + room.name();
    }
}
