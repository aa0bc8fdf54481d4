package org.arborlab.control.engine.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything a form page shows, as plain values (the transaction is over when it is rendered).
 *
 * @param template       the page's own Facelets template (a classpath resource), or null for the default form
 * @param values         what the template can use: player, group, subsession, participant, session, C and the
 *                       page's vars_for_template
 * @param secondsLeft    seconds until the page times out, or null without a timeout
 * @param live           the page has a live method: its browser opens a live channel ({@code liveSend})
 * @param debug          the debug panel's rows, or null in production
 */
public record PageView(String participantCode, String sessionCode, String appName, String pageName, int pageIndex,
        int roundNumber, String title, List<FieldView> fields, String errorMessage, Map<String, Object> values,
        String template, Long secondsLeft, boolean live, Map<String, String> debug) {

    /** "app/round/page/index": what bots and tests read from the page to know where they are. */
    public String marker() {
        return appName + "/" + roundNumber + "/" + pageName + "/" + pageIndex;
    }

    public String postPath() {
        return Links.page(participantCode, appName, pageName, pageIndex);
    }

    /** The live channel's path (a WebSocket): {@code /live/page/<participant code>/<index>}. */
    public String livePath() {
        return "/live/page/" + participantCode + "/" + pageIndex;
    }

    public boolean hasErrors() {
        return errorMessage != null || fields.stream().anyMatch(f -> f.error() != null);
    }

    /** One input of the form. {@code input}: number, text, textarea, select, radio, radio-inline, checkbox. */
    public record FieldView(String name, String label, String input, String value, String min, String max,
            String step, boolean required, List<ChoiceView> choices, String error) {
    }

    public record ChoiceView(String value, String label, boolean selected) {
    }
}
