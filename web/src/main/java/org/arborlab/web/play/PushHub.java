package org.arborlab.web.play;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.arborlab.control.engine.RoomSessionStarted;
import org.arborlab.control.engine.WaitPageReleased;

/**
 * Tells waiting browsers to reload, over server-sent events: participants on a wait page when the page releases
 * them, visitors of a room when it gets a session. The engine's events arrive after their transaction commits, so
 * the reload sees the new state. A browser that misses a message (another server instance, a dropped
 * connection) still reloads by itself after a while.
 */
@ApplicationScoped
public class PushHub {
    /** Browsers by channel ("wait:<participant code>", "room:<name>"). */
    private final Map<String, Set<AsyncContext>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "arbor-push-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public PushHub() {
        // a comment line every 20 s finds closed connections and keeps proxies from timing out
        heartbeat.scheduleWithFixedDelay(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    void onWaitPageReleased(@Observes(during = TransactionPhase.AFTER_SUCCESS) WaitPageReleased event) {
        event.participantCodes().forEach(code -> send("wait:" + code));
    }

    void onRoomSessionStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomSessionStarted event) {
        send("room:" + event.roomName());
    }

    void listen(String channel, AsyncContext async) {
        listeners.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(async);
    }

    void forget(String channel, AsyncContext async) {
        listeners.computeIfPresent(channel, (c, set) -> {
            set.remove(async);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends "reload" to every browser on the channel and closes their streams. */
    void send(String channel) {
        Set<AsyncContext> browsers = listeners.remove(channel);
        if (browsers == null) {
            return;
        }
        for (AsyncContext async : browsers) {
            try {
                PrintWriter out = async.getResponse().getWriter();
                out.write("data: reload\n\n");
                out.flush();
                async.complete();
            } catch (IOException | IllegalStateException e) {
                // the browser left; nothing to tell
            }
        }
    }

    int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private void ping() {
        listeners.forEach((channel, browsers) -> {
            for (AsyncContext async : browsers) {
                try {
                    PrintWriter out = async.getResponse().getWriter();
                    out.write(": ping\n\n");
                    if (out.checkError()) {
                        forget(channel, async);
                    }
                } catch (IOException | IllegalStateException e) {
                    forget(channel, async);
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
