package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.ArborException;
import org.arborlab.control.admin.RoomLinks;
import org.arborlab.control.admin.RoomRow;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.web.play.PushHub;

/**
 * {@code /room_without_session/<room>} and {@code /room_with_session/<room>}: the room's links, who waits in it
 * (updated live), its session, and "close room".
 */
@Named
@RequestScoped
public class RoomPage {

    @Inject
    SessionAdminService service;

    @Inject
    PushHub hub;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    private RoomRow room;
    private RoomLinks links;
    private List<String> present;

    public RoomRow getRoom() {
        if (room == null) {
            room = service.room(request.getRoom());
        }
        return room;
    }

    public RoomLinks getLinks() {
        if (links == null) {
            links = service.roomLinks(request.getRoom());
        }
        return links;
    }

    /** The visitors waiting on the room's page: their labels, sorted; "(no label)" for those without one. */
    public List<String> getPresent() {
        List<String> labels = new ArrayList<>(present());
        labels.replaceAll(l -> l.isEmpty() ? "(no label)" : l);
        labels.sort(null);
        return labels;
    }

    /** For a room with labels: whether the label's visitor is waiting now. */
    public boolean isPresent(String label) {
        return present().contains(label);
    }

    /** Who waits, on any instance: read once per request from the shared presence. */
    private List<String> present() {
        if (present == null) {
            present = hub.presentInRoom(request.getRoom());
        }
        return present;
    }

    /** POST {@code op=close}: the room lets go of its session. */
    public void post() {
        if (!request.isPost()) {
            if ("1".equals(request.param("closed"))) {
                request.info("The room was closed: it has no session now.");
            }
            return;
        }
        if (request.refuseUnless(access.isExperimenter())) {
            return;
        }
        if (!"close".equals(request.param("op"))) {
            request.error("Unknown action.");
            return;
        }
        try {
            service.closeRoom(request.getRoom());
            request.redirect("/room_without_session/" + request.getRoom() + "?closed=1");
        } catch (ArborException e) {
            request.error(e.getMessage());
        }
    }
}
