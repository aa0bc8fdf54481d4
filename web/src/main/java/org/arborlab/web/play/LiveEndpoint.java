package org.arborlab.web.play;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.engine.features.ArrivalService;
import org.arborlab.control.engine.runtime.PlayService;

/**
 * The push channel of waiting browsers, a WebSocket: {@code /live/wait/<participant code>/<page index>} and
 * {@code /live/room/<name>}; and the live channel of a page with a live method,
 * {@code /live/page/<participant code>/<page index>}, which carries the page's {@code liveSend} messages to the
 * server and the live method's answers back ({@link LiveMessages}). The server sends one "reload" when there is something new, and at once if that
 * already happened before the browser connected. A WebSocket holds no thread while it waits. Kinds other than
 * wait and room are admin channels (e.g. a session monitor): AccessFilter lets only users with a login reach
 * them under STUDY, and the handshake's user is checked again here.
 */
@ServerEndpoint("/live/{kind}/{name}/{index}")
public class LiveEndpoint {

    @OnOpen
    public void open(Session socket, @PathParam("kind") String kind, @PathParam("name") String name,
            @PathParam("index") String index) throws IOException {
        if (!Channels.isParticipants(kind) && !adminMayListen(socket)) {
            // second line of defence behind AccessFilter: admin channels need the handshake's user under STUDY
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
            return;
        }
        PushHub hub = CDI.current().select(PushHub.class).get();
        if (kind.equals("monitor") && name.matches("[a-z0-9]{1,20}")) {
            // the session monitor (/live/monitor/<code>/0): stays subscribed, gets "refresh" on every move
            String monitor = PushHub.monitorChannel(name);
            socket.getUserProperties().put("watching", monitor);
            socket.setMaxIdleTimeout(0);
            hub.watch(monitor, socket);
            return;
        }
        if (kind.equals("chat") && org.arborlab.entity.ParticipantCode.isValid(name)) {
            // a participant page's chat (/live/chat/<participant code>/0): "refresh" when the experimenter writes
            String chat = PushHub.chatChannel(name);
            socket.getUserProperties().put("watching", chat);
            socket.setMaxIdleTimeout(0);
            hub.watch(chat, socket);
            return;
        }
        if (kind.equals("channel") && name.matches("[0-9a-f]{32}")) {
            // a chat between participants (/live/channel/<push key>/0): "refresh" when anyone writes in it; the
            // key comes signed with the page, so it cannot be derived from another group's channel name
            String chat = PushHub.groupChatChannel(name);
            socket.getUserProperties().put("watching", chat);
            socket.setMaxIdleTimeout(0);
            hub.watch(chat, socket);
            return;
        }
        if (kind.equals("page")) {
            openLivePage(socket, hub, name, index);
            return;
        }
        String channel = Channels.of(kind, name, index);
        if (channel == null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "unknown channel"));
            return;
        }
        socket.getUserProperties().put("channel", channel);
        java.util.List<String> label = socket.getRequestParameterMap().get("label");
        if (kind.equals("room") && label != null && !label.isEmpty() && label.get(0).length() <= 100) {
            socket.getUserProperties().put("label", label.get(0)); // who waits, for the admin's room page
        }
        hub.listen(channel, socket);
        // registered first, checked second: a release in between is either seen here or pushed by the hub
        if (alreadyThere(kind, name, index)) {
            hub.send(channel);
        }
    }

    /** The largest text a socket takes; above {@code Play.LIVE_MAX_BYTES} the page is told why, above this cut off. */
    static final int MAX_TEXT = 64 * 1024;

    private void openLivePage(Session socket, PushHub hub, String code, String index) throws IOException {
        if (!org.arborlab.entity.ParticipantCode.isValid(code) || !index.matches("\\d{1,6}")) {
            socket.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "unknown channel"));
            return;
        }
        int page = Integer.parseInt(index);
        socket.getUserProperties().put("live", code);
        socket.setMaxIdleTimeout(0);
        socket.setMaxTextMessageBufferSize(MAX_TEXT);
        hub.openLive(code, page, socket);
        // a page shown in an old tab (the participant has moved on): reload it, as a wait page would
        if (!CDI.current().select(PlayService.class).get().isOnPage(code, page)) {
            PushHub.sendLive(socket, "reload");
        }
    }

    /** A live page's {@code liveSend}: answered on the group's live sockets; bad input only to the sender. */
    @OnMessage(maxMessageSize = MAX_TEXT)
    public void message(Session socket, String text) {
        Object code = socket.getUserProperties().get("live");
        Object index = socket.getUserProperties().get(PushHub.LIVE_INDEX);
        if (code == null || index == null) {
            return; // wait, room and admin channels only listen
        }
        LiveMessages.Reply reply = CDI.current().select(LiveMessages.class).get()
                .receive(code.toString(), (Integer) index, text);
        if (reply.status() == 409) {
            PushHub.sendLive(socket, "reload");
        } else if (reply.status() != 200) {
            PushHub.sendLive(socket, "{\"error\":" + org.arborlab.entity.Jsonp.createValue(reply.message()) + "}");
        }
    }

    @OnClose
    public void close(Session socket) {
        Object live = socket.getUserProperties().get("live");
        if (live != null) {
            CDI.current().select(PushHub.class).get().closeLive(live.toString(), socket);
        }
        Object watching = socket.getUserProperties().get("watching");
        if (watching != null) {
            CDI.current().select(PushHub.class).get().unwatch(watching.toString(), socket);
        }
        Object channel = socket.getUserProperties().get("channel");
        if (channel != null) {
            CDI.current().select(PushHub.class).get().forget(channel.toString(), socket);
        }
    }

    @OnError
    public void error(Session socket, Throwable error) {
        close(socket);
    }

    /** Admin channels (any kind but wait and room): open under DEMO like the monitor page, login under STUDY. */
    private static boolean adminMayListen(Session socket) {
        AuthLevel level = CDI.current().select(ServerEnvironment.class).get().authLevel();
        return level != AuthLevel.STUDY || socket.getUserPrincipal() != null;
    }

    private static boolean alreadyThere(String kind, String name, String index) {
        if (kind.equals("wait")) {
            return !CDI.current().select(PlayService.class).get().isOnPage(name, Integer.parseInt(index));
        }
        return CDI.current().select(ArrivalService.class).get().roomHasSession(name);
    }

    /** Channel names: "wait:<participant code>" and "room:<name>" (the index of a room channel is "0"). */
    static final class Channels {

        private Channels() {
        }

        /**
         * Participants' channels, public at every auth level; every other kind is an admin channel ("monitor": a
         * session monitor, public under DEMO like its page).
         */
        static boolean isParticipants(String kind) {
            return kind.equals("wait") || kind.equals("room") || kind.equals("chat") || kind.equals("channel")
                    || kind.equals("page");
        }

        static String of(String kind, String name, String index) {
            if (!index.matches("\\d{1,6}") || !name.matches("[A-Za-z0-9_]{1,100}")) {
                return null;
            }
            return switch (kind) {
                case "wait" -> "wait:" + name;
                case "room" -> "room:" + name;
                default -> null;
            };
        }
    }
}
