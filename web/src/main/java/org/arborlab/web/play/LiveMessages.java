package org.arborlab.web.play;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.engine.runtime.LiveRateLimit;
import org.arborlab.control.engine.runtime.LiveResult;
import org.arborlab.control.engine.runtime.PlayService;
import org.arborlab.entity.ParticipantCode;

/**
 * Live messages from participant pages, over their WebSocket ({@link LiveEndpoint}) or over HTTP
 * ({@code POST /p/<code>/<app>/<page>/<index>/live}, what bots use): the rate limit, the live method in its
 * transaction ({@link PlayService#live}), then the answers to the group's open pages ({@link PushHub#deliver}).
 */
@ApplicationScoped
public class LiveMessages {
    private static final Logger LOG = Logger.getLogger(LiveMessages.class.getName());
    /** Per participant, on each instance: 10 a second on average, 20 at once. */
    static final LiveRateLimit RATE = new LiveRateLimit(10, 20);

    @Inject
    PlayService play;

    @Inject
    PushHub hub;

    /**
     * What the sender is told: {@code status} as HTTP would say it (200 delivered, 409 ignored, 413 too large,
     * 400 not JSON, 429 too many, 500 the app failed), {@code message} for anything but 200, and for 200 whether
     * the sender's page got an answer and what.
     */
    public record Reply(int status, String message, boolean received, JsonValue data) {

        /** The reply as JSON: {@code {"received": true, "data": ...}} or {@code {"status": 413, "message": "..."}}. */
        public String json() {
            if (status == 200) {
                return "{\"received\":" + received + (received ? ",\"data\":" + data : "") + "}";
            }
            return "{\"status\":" + status + ",\"message\":" + org.arborlab.entity.Jsonp.createValue(message) + "}";
        }
    }

    public Reply receive(String code, int index, String text) {
        if (!ParticipantCode.isValid(code)) {
            return new Reply(404, "No participant has the code " + code + ".", false, null);
        }
        if (!RATE.allow(code, System.currentTimeMillis())) {
            return new Reply(429, RATE.refusal() + " Nothing was stored.", false, null);
        }
        LiveResult result;
        try {
            result = play.live(code, index, text);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Live message of participant " + code + " on page " + index + " failed", e);
            return new Reply(500, "The server could not handle this live message; nothing was stored.", false, null);
        }
        return switch (result.status()) {
            case REFUSED -> new Reply(text != null && text.length() > org.arborlab.control.engine.runtime.Play.LIVE_MAX_BYTES / 4
                    && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                            > org.arborlab.control.engine.runtime.Play.LIVE_MAX_BYTES ? 413 : 400,
                    result.message(), false, null);
            case IGNORED -> new Reply(409, "This page is no longer the participant's current page: the message was "
                    + "ignored.", false, null);
            case DELIVERED -> {
                hub.deliver(result);
                JsonValue mine = result.to(code);
                yield new Reply(200, null, mine != null, mine);
            }
        };
    }
}
