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
import org.arborlab.control.engine.RoomSessionStarted;
import org.arborlab.control.engine.WaitPageReleased;

/**
 * Tells waiting browsers to reload, over WebSockets: participants on a wait page when the page releases
 * them, visitors of a room when it gets a session. The engine's events arrive after their transaction commits, so
 * the reload sees the new state. A browser that misses a message (another server instance, a dropped
 * connection) still reloads by itself after a while.
 */
@ApplicationScoped
public class PushHub {
    /** Browsers by channel ("wait:<participant code>", "room:<name>"). */
    private final Map<String, Set<Session>> listeners = new ConcurrentHashMap<>();
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
    }

    void listen(String channel, Session socket) {
        listeners.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void forget(String channel, Session socket) {
        listeners.computeIfPresent(channel, (c, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
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
        listeners.forEach((channel, browsers) -> {
            for (Session socket : browsers) {
                try {
                    if (socket.isOpen()) {
                        socket.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                    } else {
                        forget(channel, socket);
                    }
                } catch (IOException | IllegalStateException e) {
                    forget(channel, socket);
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
