package org.arborlab.control.engine.runtime;

import java.util.Set;

/**
 * Fired when a wait page lets its players go, observed after the commit: the participants who were waiting (and
 * have been moved on) should reload now.
 */
public record WaitPageReleased(Set<String> participantCodes) {
}
