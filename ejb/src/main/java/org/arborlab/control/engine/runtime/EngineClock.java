package org.arborlab.control.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The engine's time (page timeouts, page times, arrivals): the system clock on the server, a fixed one in tests. */
@ApplicationScoped
public class EngineClock {

    /** Dependent: {@link Clock} has no constructor a client proxy could use. */
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
