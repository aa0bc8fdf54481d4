package org.arborlab.web.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Payara's data grid: the Hazelcast instance Payara Micro and Payara Server run (JNDI {@code payara/Hazelcast}),
 * joined by the members Payara was told about (TCP/IP members, never multicast, in {@code deploy/run}). Messages
 * go over one Hazelcast topic, maps are Hazelcast maps of strings.
 *
 * <p>Only {@link Grid} loads this class, by name, after it found a running Hazelcast instance: on servers without
 * one, no Hazelcast class is ever loaded. It has no CDI annotation, so bean discovery passes it by.
 */
final class HazelcastBackend implements GridBackend {
    private static final String TOPIC = "arbor.push";

    private final HazelcastInstance hazelcast;
    private final ITopic<String> topic;
    private final ClassLoader application = Thread.currentThread().getContextClassLoader();
    private UUID listener;

    HazelcastBackend(Object instance) {
        this.hazelcast = (HazelcastInstance) instance;
        if (!hazelcast.getLifecycleService().isRunning()) {
            throw new IllegalStateException("the data grid is not running");
        }
        this.topic = hazelcast.getTopic(TOPIC);
    }

    @Override
    public String memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public Set<String> memberIds() {
        return hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString())
                .collect(Collectors.toSet());
    }

    @Override
    public String describe() {
        Set<Member> members = hazelcast.getCluster().getMembers();
        return "Payara data grid, " + members.size() + (members.size() == 1 ? " instance" : " instances") + " ("
                + members.stream().map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
                        .sorted().collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void publish(String message) {
        topic.publish(message);
    }

    @Override
    public void start(Consumer<String> receiver) {
        listener = topic.addMessageListener(message -> {
            if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
                return; // this instance delivered it itself
            }
            // Hazelcast's event thread: let Arbor's code see its own class loader
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            try {
                receiver.accept(message.getMessageObject());
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    @Override
    public SharedMap map(String name) {
        IMap<String, String> map = hazelcast.getMap("arbor." + name);
        return new SharedMap() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value, Duration timeToLive) {
                map.set(key, value, timeToLive.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void remove(String key) {
                map.delete(key);
            }

            @Override
            public String update(String key, UnaryOperator<String> change, Duration timeToLive) {
                map.lock(key);
                try {
                    String value = change.apply(map.get(key));
                    if (value == null) {
                        map.delete(key);
                    } else {
                        map.set(key, value, timeToLive.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return value;
                } finally {
                    map.unlock(key);
                }
            }

            @Override
            public Map<String, String> entries() {
                return new HashMap<>(map);
            }
        };
    }

    @Override
    public void stop() {
        if (listener != null && hazelcast.getLifecycleService().isRunning()) {
            topic.removeMessageListener(listener);
        }
    }
}
