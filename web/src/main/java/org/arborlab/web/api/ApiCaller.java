package org.arborlab.web.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.arborlab.control.token.ApiTokenService.Grant;

/**
 * Who is calling the API in this request: nobody in particular (open server or the shared REST key), or an
 * API token with its limits. Endpoints that name a room ask it whether the room is allowed.
 */
@RequestScoped
public class ApiCaller {
    private Grant grant;

    void authenticatedBy(Grant grant) {
        this.grant = grant;
    }

    public Optional<Grant> token() {
        return Optional.ofNullable(grant);
    }

    /** A token limited to one room may only name that room. */
    public void requireRoom(String roomName) {
        if (grant != null && grant.roomName().isPresent() && !grant.roomName().get().equals(roomName)) {
            throw new ApiException(403, "This API token is limited to room " + grant.roomName().get());
        }
    }

    /** Endpoints addressed by code or listing everything are out of reach of a room-limited token. */
    public void requireAllRooms() {
        if (grant != null && grant.roomName().isPresent()) {
            throw new ApiException(403, "This API token is limited to room " + grant.roomName().get()
                    + "; use the endpoints that take room_name");
        }
    }
}
