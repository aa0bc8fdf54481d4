package org.arborlab.web.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What this instance shares with the other Arbor instances behind the same load balancer: messages to all of them
 * and small maps. On Payara with the data grid on (Payara Server's default; {@code deploy/run} with
 * {@code ARBOR_CLUSTER_MEMBERS}) they are on the data grid; otherwise this instance is on its own and everything
 * stays in its memory, which is right for a single instance and the documented limit on other servers.
 */
@ApplicationScoped
public class Grid {
    /** Payara binds its Hazelcast instance here when the data grid is on. */
    static final String PAYARA_DATA_GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(Grid.class.getName());

    private final List<Consumer<String>> receivers = new CopyOnWriteArrayList<>();
    private GridBackend backend;

    public Grid() {
    }

    Grid(GridBackend backend) {
        this.backend = backend;
        backend.start(this::received);
    }

    /** A grid of this instance alone, in memory (what a server without a data grid gets; for tests). */
    public static Grid alone() {
        return new Grid(new LocalBackend());
    }

    @PostConstruct
    void start() {
        backend = dataGrid();
        backend.start(this::received);
        LOG.info(() -> "Arbor instances share: " + backend.describe());
    }

    /** Payara's data grid if this server runs one, else this instance's memory. */
    private static GridBackend dataGrid() {
        Object hazelcast;
        try {
            hazelcast = new InitialContext().lookup(PAYARA_DATA_GRID);
        } catch (NamingException | RuntimeException e) {
            return new LocalBackend(); // not Payara, or its data grid is off
        }
        try {
            // by name: only now, with a Hazelcast instance at hand, may a Hazelcast class be loaded
            return (GridBackend) Class.forName(Grid.class.getPackageName() + ".HazelcastBackend")
                    .getDeclaredConstructor(Object.class).newInstance(hazelcast);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara's data grid is there but cannot be used; this instance runs alone", e);
            return new LocalBackend();
        }
    }

    /** Sends the message to every other instance's receivers. */
    public void publish(String message) {
        try {
            backend.publish(message);
        } catch (RuntimeException e) {
            // the grid is shutting down or split: the instances' pages fall back on their periodic reloads
            LOG.log(Level.WARNING, "Could not tell the other instances: " + message, e);
        }
    }

    /** Receives the messages other instances publish. */
    public void onMessage(Consumer<String> receiver) {
        receivers.add(receiver);
    }

    public SharedMap map(String name) {
        return backend.map(name);
    }

    /** This instance's id on the grid. */
    public String memberId() {
        return backend.memberId();
    }

    /** The instances that share the grid now. */
    public Set<String> memberIds() {
        return backend.memberIds();
    }

    public String describe() {
        return backend.describe();
    }

    private void received(String message) {
        for (Consumer<String> receiver : receivers) {
            try {
                receiver.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Message from another instance failed: " + message, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        backend.stop();
    }
}
