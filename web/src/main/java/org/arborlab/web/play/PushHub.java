package org.arborlab.web.play;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
import org.arborlab.control.engine.RoomSessionStarted;
import org.arborlab.control.engine.SessionProgressed;
import org.arborlab.control.engine.WaitPageReleased;

/**
 * Tells waiting browsers to reload, over WebSockets: participants on a wait page when the page releases
 * them, visitors of a room when it gets a session. The engine's events arrive after their transaction commits, so
 * the reload sees the new state. A browser that misses a message (another server instance, a dropped
 * connection) still reloads by itself after a while.
 *
 * <p>Admin pages watch channels too ("monitor:<session code>", "room-admin:<name>"): they stay subscribed and
 * get "refresh" on every change, then re-fetch their table. Who waits in a room is known from the open room
 * channels (this instance's only).
 */
@ApplicationScoped
public class PushHub {
    /** Browsers by channel ("wait:<participant code>", "room:<name>"). */
    private final Map<String, Set<Session>> listeners = new ConcurrentHashMap<>();
    /** Admin pages by channel; unlike waiting browsers they stay subscribed. */
    private final Map<String, Set<Session>> watchers = new ConcurrentHashMap<>();
    private final Set<String> pendingRefresh = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "arbor-push-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public PushHub() {
        // a ping every 20 s finds closed connections and keeps proxies from timing out
        heartbeat.scheduleWithFixedDelay(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    void onWaitPageReleased(@Observes(during = TransactionPhase.AFTER_SUCCESS) WaitPageReleased event) {
        event.participantCodes().forEach(code -> send("wait:" + code));
    }

    void onRoomSessionStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomSessionStarted event) {
        send("room:" + event.roomName());
        refresh(roomAdminChannel(event.roomName()));
        refresh(ROOMS_CHANNEL);
    }

    void onSessionProgressed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionProgressed event) {
        refresh(monitorChannel(event.sessionCode()));
    }

    /** The rooms list: someone came to or left any room's waiting page. */
    public static final String ROOMS_CHANNEL = "rooms:all";

    public static String monitorChannel(String sessionCode) {
        return "monitor:" + sessionCode;
    }

    public static String roomAdminChannel(String roomName) {
        return "room-admin:" + roomName;
    }

    void listen(String channel, Session socket) {
        listeners.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(socket);
        presenceChanged(channel);
    }

    void forget(String channel, Session socket) {
        boolean removed = remove(listeners, channel, socket);
        if (removed) {
            presenceChanged(channel);
        }
    }

    /** An admin page subscribes to a channel until it closes the socket. */
    public void watch(String channel, Session socket) {
        watchers.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    public void unwatch(String channel, Session socket) {
        remove(watchers, channel, socket);
    }

    /**
     * Sends "refresh" to the admin pages watching the channel, a quarter second later: a burst of changes (bots
     * playing, a wait page releasing a whole round) becomes one message.
     */
    public void refresh(String channel) {
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
     * The visitors waiting in a room on this instance, by the label they came with ("" for none), in no
     * particular order.
     */
    public List<String> presentInRoom(String roomName) {
        List<String> labels = new ArrayList<>();
        for (Session socket : listeners.getOrDefault("room:" + roomName, Set.of())) {
            if (socket.isOpen()) {
                Object label = socket.getUserProperties().get("label");
                labels.add(label == null ? "" : label.toString());
            }
        }
        return labels;
    }

    private void presenceChanged(String channel) {
        if (channel.startsWith("room:")) {
            refresh(roomAdminChannel(channel.substring("room:".length())));
            refresh(ROOMS_CHANNEL);
        }
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
    }

    private static void ping(Map<String, Set<Session>> map, java.util.function.BiConsumer<String, Session> forget) {
        map.forEach((channel, browsers) -> {
            for (Session socket : browsers) {
                try {
                    if (socket.isOpen()) {
                        socket.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
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
