package org.arborlab.control.engine.features;

import java.util.List;

/**
 * How a bot run went: one line per participant whose bot failed (empty if all finished as planned), with the
 * number of HTTP requests and the time taken.
 */
public record BotReport(String sessionCode, int participants, int requests, long millis, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
