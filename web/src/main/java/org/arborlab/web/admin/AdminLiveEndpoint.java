package org.arborlab.web.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.web.play.PushHub;

/**
 * The rooms pages' push channel, a WebSocket: {@code /admin/live/room/<room>} (a visitor came or left, the room
 * got a session) and {@code /admin/live/rooms/all} (the same for any room). The server sends "refresh"; the page
 * then re-fetches its table. Under {@code /admin/}: a login is needed under DEMO and STUDY, as for the rooms
 * pages (the session monitor's channel is {@code /live/monitor/<code>/0}, public under DEMO like its page).
 */
@ServerEndpoint("/admin/live/{kind}/{name}")
public class AdminLiveEndpoint {

    @OnOpen
    public void open(Session socket, @PathParam("kind") String kind, @PathParam("name") String name)
            throws IOException {
        if (socket.getUserPrincipal() == null
                && CDI.current().select(ServerEnvironment.class).get().authLevel() != AuthLevel.NONE) {
            // second line of defence behind AccessFilter: who waits in a room is for logged-in admins only
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
            return;
        }
        String channel = channel(kind, name);
        if (channel == null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "unknown channel"));
            return;
        }
        socket.getUserProperties().put("channel", channel);
        socket.setMaxIdleTimeout(0);
        CDI.current().select(PushHub.class).get().watch(channel, socket);
    }

    @OnClose
    public void close(Session socket) {
        Object channel = socket.getUserProperties().get("channel");
        if (channel != null) {
            CDI.current().select(PushHub.class).get().unwatch(channel.toString(), socket);
        }
    }

    @OnError
    public void error(Session socket, Throwable error) {
        close(socket);
    }

    static String channel(String kind, String name) {
        if (!name.matches("[A-Za-z0-9_]{1,100}")) {
            return null;
        }
        return switch (kind) {
            case "room" -> PushHub.roomAdminChannel(name);
            case "rooms" -> name.equals("all") ? PushHub.ROOMS_CHANNEL : null;
            default -> null;
        };
    }
}
