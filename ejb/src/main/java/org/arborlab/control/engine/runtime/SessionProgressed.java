package org.arborlab.control.engine.runtime;

/**
 * Fired (observed after the commit) when a participant of the session moved: started, completed a page, arrived
 * on or left a wait page. The admin's monitor refreshes on it.
 */
public record SessionProgressed(String sessionCode) {
}
