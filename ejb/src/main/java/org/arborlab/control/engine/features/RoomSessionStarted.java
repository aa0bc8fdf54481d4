package org.arborlab.control.engine.features;

/** Fired (observed after the commit) when a room gets a session: its waiting participants should reload. */
public record RoomSessionStarted(String roomName) {
}
