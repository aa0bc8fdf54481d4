package org.arborlab.control.session;

import java.util.List;
import java.util.Optional;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;

/** A session with the room it is bound to (if any) and the participants asked for, in session order. */
public record SessionDetail(Session session, Optional<String> roomName, List<Participant> participants) {
}
