package org.arborlab.control.session;

import java.util.Optional;
import org.arborlab.entity.Session;

/** A session and the room it is bound to, if any. */
public record SessionListing(Session session, Optional<String> roomName) {
}
