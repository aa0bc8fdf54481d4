package org.arborlab.web.play;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.engine.features.RoomSessionStarted;
import org.arborlab.control.engine.runtime.SessionProgressed;
import org.arborlab.control.engine.runtime.WaitPageReleased;
import org.arborlab.web.cluster.Grid;
import org.arborlab.web.cluster.SharedMap;

/**
 * Tells waiting browsers to reload, over WebSockets: participants on a wait page when the page releases
 * them, visitors of a room when it gets a session. The engine's events arrive after their transaction commits, so
 * the reload sees the new state. A browser that misses a message (a dropped connection) still reloads by itself
 * after a while.
 *
 * <p>Admin pages watch channels too ("monitor:<session code>", "room-admin:<name>"): they stay subscribed and
 * get "refresh" on every change, then re-fetch their table.
 *
 * <p>Several instances: a browser's socket is open on one instance, the change may happen on another. Every
 * push is therefore delivered here and published to the other instances ({@link Grid}), which deliver it to the
 * sockets they hold. Who waits in a room is kept in a shared map, one entry per open room socket, tagged with
 * the instance that holds it; entries of instances that left the grid are ignored.
 */
@ApplicationScoped
public class PushHub {
    /** Browsers by channel ("wait:<participant code>", "room:<name>"). */
    private final Map<String, Set<Session>> listeners = new ConcurrentHashMap<>();
    /** Admin pages by channel; unlike waiting browsers they stay subscribed. */
    private final Map<String, Set<Session>> watchers = new ConcurrentHashMap<>();
    /** Live pages' sockets by participant code; each socket knows its page index ({@link #LIVE_INDEX}). */
    private final Map<String, Set<Session>> livePages = new ConcurrentHashMap<>();
    private final Set<String> pendingRefresh = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "arbor-push-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** Messages between instances: "reload <channel>" for waiting browsers, "refresh <channel>" for admin pages. */
    private static final String RELOAD = "reload ";
    private static final String REFRESH = "refresh ";
    /** "live <participant code> <page index> <JSON>": a live method's answer for a page open elsewhere. */
    private static final String LIVE = "live ";
    /** The user property of a live page's socket that holds its page index. */
    static final String LIVE_INDEX = "arbor.liveIndex";
    /** A presence entry outlives its socket only if its instance dies; then the entry is ignored anyway. */
    private static final java.time.Duration PRESENCE_KEPT = java.time.Duration.ofHours(24);

    @Inject
    Grid grid;

    /** Who waits on a room's page, on every instance: "<instance>|<socket id>" → "<room>\t<label>". */
    private SharedMap presence;

    public PushHub() {
        // a ping every 20 s finds closed connections and keeps proxies from timing out
        heartbeat.scheduleWithFixedDelay(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    @PostConstruct
    void join() {
        presence = grid.map("room-presence");
        grid.onMessage(this::received);
    }

    void onWaitPageReleased(@Observes(during = TransactionPhase.AFTER_SUCCESS) WaitPageReleased event) {
        event.participantCodes().forEach(code -> reloadEverywhere("wait:" + code));
    }

    void onRoomSessionStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomSessionStarted event) {
        reloadEverywhere("room:" + event.roomName());
        refresh(roomAdminChannel(event.roomName()));
        refresh(ROOMS_CHANNEL);
    }

    /** Reloads the channel's browsers on this instance and on the others. */
    private void reloadEverywhere(String channel) {
        send(channel);
        grid.publish(RELOAD + channel);
    }

    /** A message another instance published. */
    void received(String message) {
        if (message.startsWith(RELOAD)) {
            send(message.substring(RELOAD.length()));
        } else if (message.startsWith(REFRESH)) {
            refreshHere(message.substring(REFRESH.length()));
        } else if (message.startsWith(LIVE)) {
            String[] parts = message.split(" ", 4);
            if (parts.length == 4 && parts[2].matches("\\d{1,6}")) {
                deliverHere(parts[1], Integer.parseInt(parts[2]), parts[3]);
            }
        }
    }

    void onSessionProgressed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionProgressed event) {
        refresh(monitorChannel(event.sessionCode()));
    }

    /** The rooms list: someone came to or left any room's waiting page. */
    public static final String ROOMS_CHANNEL = "rooms:all";

    /** A participant page's chat: told when the experimenter wrote to this participant. */
    public static String chatChannel(String participantCode) {
        return "chat:" + participantCode;
    }

    /** A chat between participants (<arbor:chat/>), by its push key: told when anyone wrote in it. */
    public static String groupChatChannel(String liveKey) {
        return "channel:" + liveKey;
    }

    public static String monitorChannel(String sessionCode) {
        return "monitor:" + sessionCode;
    }

    public static String roomAdminChannel(String roomName) {
        return "room-admin:" + roomName;
    }

    void listen(String channel, Session socket) {
        listeners.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(socket);
        if (channel.startsWith("room:")) {
            Object label = socket.getUserProperties().get("label");
            presence.put(presenceKey(socket), channel.substring("room:".length()) + "\t"
                    + (label == null ? "" : label), PRESENCE_KEPT);
            presenceChanged(channel);
        }
    }

    void forget(String channel, Session socket) {
        boolean removed = remove(listeners, channel, socket);
        if (removed && channel.startsWith("room:")) {
            presence.remove(presenceKey(socket));
            presenceChanged(channel);
        }
    }

    private String presenceKey(Session socket) {
        return grid.memberId() + "|" + socket.getId();
    }

    /** A live page's socket: it gets the live method's answers for its participant on that page. */
    void openLive(String participantCode, int pageIndex, Session socket) {
        socket.getUserProperties().put(LIVE_INDEX, pageIndex);
        livePages.computeIfAbsent(participantCode, c -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void closeLive(String participantCode, Session socket) {
        remove(livePages, participantCode, socket);
    }

    /**
     * Sends a live method's answers to the pages they are for: on this instance at once, then (with other
     * instances in the grid) to theirs. A socket gets only its own participant's answer, and only while it shows
     * the page the answer is for.
     */
    public void deliver(org.arborlab.control.engine.runtime.LiveResult result) {
        boolean others = grid.memberIds().size() > 1;
        result.deliveries().forEach((code, data) -> {
            String text = "{\"data\":" + data + "}";
            deliverHere(code, result.pageIndex(), text);
            if (others) {
                grid.publish(LIVE + code + " " + result.pageIndex() + " " + text);
            }
        });
    }

    /** Sends a text to this participant's live sockets here that show this page. */
    void deliverHere(String participantCode, int pageIndex, String text) {
        for (Session socket : livePages.getOrDefault(participantCode, Set.of())) {
            if (Integer.valueOf(pageIndex).equals(socket.getUserProperties().get(LIVE_INDEX))) {
                sendLive(socket, text);
            }
        }
    }

    /** Sends a text on one live socket; one send at a time per socket (a container may refuse overlapping ones). */
    static void sendLive(Session socket, String text) {
        if (!socket.isOpen()) {
            return;
        }
        synchronized (socket) {
            try {
                socket.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                // the browser left; its close event forgets the socket
            }
        }
    }

    int liveSocketCount() {
        return livePages.values().stream().mapToInt(Set::size).sum();
    }

    /** An admin page subscribes to a channel until it closes the socket. */
    public void watch(String channel, Session socket) {
        watchers.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    public void unwatch(String channel, Session socket) {
        remove(watchers, channel, socket);
    }

    /** Refreshes the admin pages watching the channel, on every instance. */
    public void refresh(String channel) {
        refreshHere(channel);
        grid.publish(REFRESH + channel);
    }

    /**
     * Sends "refresh" to the admin pages watching the channel here, a quarter second later: a burst of changes
     * (bots playing, a wait page releasing a whole round) becomes one message.
     */
    private void refreshHere(String channel) {
        if (watchers.containsKey(channel) && pendingRefresh.add(channel)) {
            heartbeat.schedule(() -> {
                pendingRefresh.remove(channel);
                for (Session socket : watchers.getOrDefault(channel, Set.of())) {
                    try {
                        if (socket.isOpen()) {
                            socket.getBasicRemote().sendText("refresh");
                        }
                    } catch (IOException | IllegalStateException e) {
                        unwatch(channel, socket);
                    }
                }
            }, 250, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The visitors waiting in a room on any instance, by the label they came with ("" for none), in no
     * particular order.
     */
    public List<String> presentInRoom(String roomName) {
        return presentInRooms().getOrDefault(roomName, List.of());
    }

    /** Every room's waiting visitors (see {@link #presentInRoom}), read once for a whole page. */
    public Map<String, List<String>> presentInRooms() {
        Set<String> live = grid.memberIds();
        Map<String, List<String>> rooms = new java.util.HashMap<>();
        presence.entries().forEach((key, value) -> {
            int tab = value.indexOf('\t');
            if (tab > 0 && live.contains(key.substring(0, Math.max(0, key.indexOf('|'))))) {
                rooms.computeIfAbsent(value.substring(0, tab), r -> new ArrayList<>()).add(value.substring(tab + 1));
            }
        });
        return rooms;
    }

    private void presenceChanged(String channel) {
        refresh(roomAdminChannel(channel.substring("room:".length())));
        refresh(ROOMS_CHANNEL);
    }

    private static boolean remove(Map<String, Set<Session>> map, String channel, Session socket) {
        boolean[] removed = {false};
        map.computeIfPresent(channel, (c, set) -> {
            removed[0] = set.remove(socket);
            return set.isEmpty() ? null : set;
        });
        return removed[0];
    }

    /** Sends "reload" to every browser on the channel; the browser closes the socket when it reloads. */
    void send(String channel) {
        Set<Session> browsers = listeners.remove(channel);
        if (browsers == null) {
            return;
        }
        for (Session socket : browsers) {
            if (socket.isOpen()) {
                socket.getAsyncRemote().sendText("reload");
            }
        }
    }

    int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private void ping() {
        ping(listeners, this::forget);
        ping(watchers, this::unwatch);
        ping(livePages, this::closeLive);
    }

    private static void ping(Map<String, Set<Session>> map, java.util.function.BiConsumer<String, Session> forget) {
        map.forEach((channel, browsers) -> {
            for (Session socket : browsers) {
                try {
                    if (socket.isOpen()) {
                        synchronized (socket) { // live sockets send under this lock too
                            socket.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                        }
                    } else {
                        forget.accept(channel, socket);
                    }
                } catch (IOException | IllegalStateException e) {
                    forget.accept(channel, socket);
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
