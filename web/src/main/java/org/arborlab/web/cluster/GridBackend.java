package org.arborlab.web.cluster;

import java.util.function.Consumer;

/** Where {@link Grid} keeps what instances share: Payara's data grid, or this instance's memory. */
interface GridBackend {

    /** This instance's id among the members (stable while it runs). */
    String memberId();

    /** The ids of the instances that share this grid now (this one's alone locally). */
    java.util.Set<String> memberIds();

    /** What the Server Check page shows, e.g. "Payara data grid, 3 instances". */
    String describe();

    /** Hands the message to every other instance's receiver (never back to this one). */
    void publish(String message);

    /** Starts handing other instances' messages to the receiver. */
    void start(Consumer<String> receiver);

    SharedMap map(String name);

    void stop();
}
