package org.arborlab.control.engine.runtime;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What became of one live message ({@link Play#live}).
 *
 * @param status     delivered (the live method ran; {@code deliveries} may be empty), ignored (the sender is no
 *                   longer on that page: nothing ran) or refused (bad input: nothing ran, {@code message} says why)
 * @param message    why a message was ignored or refused, for the sender and the log; null when delivered
 * @param pageIndex  the page the answers are for: only browsers showing this page of their participant get them
 * @param deliveries the answers, by participant code, for the group's players on that page
 */
public record LiveResult(Status status, String message, int pageIndex, Map<String, JsonValue> deliveries) {

    /** See {@link LiveResult}. */
    public enum Status {
        DELIVERED, IGNORED, REFUSED
    }

    static LiveResult ignored(int pageIndex, String why) {
        return new LiveResult(Status.IGNORED, why, pageIndex, Map.of());
    }

    static LiveResult refused(int pageIndex, String why) {
        return new LiveResult(Status.REFUSED, why, pageIndex, Map.of());
    }

    /** What the page of this participant gets, or null. */
    public JsonValue to(String participantCode) {
        return deliveries.get(participantCode);
    }
}
