package org.arborlab.web.api;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The absolute URLs oTree's REST answers carry, built from the address the caller used. */
final class Links {
    private final String root;

    Links(UriInfo uriInfo) {
        URI base = uriInfo.getBaseUri();
        this.root = base.getScheme() + "://" + base.getRawAuthority();
    }

    String sessionWide(String anonymousCode) {
        return root + "/join/" + anonymousCode;
    }

    String admin(String sessionCode) {
        return root + "/SessionStartLinks/" + sessionCode;
    }

    String room(String roomName) {
        return root + "/room/" + roomName;
    }
}
