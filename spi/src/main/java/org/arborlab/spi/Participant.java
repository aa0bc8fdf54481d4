package org.arborlab.spi;

import java.time.Duration;

/**
 * A participant as apps see it: across all apps and rounds of the session. {@code PARTICIPANT_FIELDS} from the
 * settings (e.g. {@code finished}) live in {@link #vars()}: {@code participant.vars().put("finished", true)}.
 */
public interface Participant {

    /** The 8-character code in the participant's links. */
    String code();

    /** P1, P2, ...: 1 for the first to arrive (unless single-use links were handed out). */
    int idInSession();

    /** The participant label (from a room's label file or a start link), or {@code null}. */
    String label();

    /** Sets the label; meant for {@code mock_exogenous_data}. */
    void setLabel(String label);

    Vars vars();

    /** Sum of this participant's payoffs over all apps and rounds, in points. */
    Currency payoff();

    boolean isBot();

    /**
     * How long ago, by the server's clock, the participant reached the page they are on now (oTree's
     * {@code time.time() - participant._last_page_timestamp}): on a wait page, how long they have waited.
     */
    Duration timeOnPage();

    Session session();
}
