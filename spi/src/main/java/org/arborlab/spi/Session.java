package org.arborlab.spi;

import java.util.List;

/** A session as apps see it. {@code SESSION_FIELDS} live in {@link #vars()}. */
public interface Session {

    String code();

    /** The session's config, with the fields an experimenter changed for this session. */
    Config config();

    Vars vars();

    /** All participants, P1 first. */
    List<Participant> participants();

    boolean isDemo();

    /** Whether the session was created in a room (then {@code mock_exogenous_data} never runs). */
    boolean isInRoom();
}
