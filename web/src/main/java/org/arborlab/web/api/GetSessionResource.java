package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.ApiScope;

/** {@code POST /api/get_session/{code}}: a session with its participants, filtered by the body. */
@ApplicationScoped
@Path("get_session/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class GetSessionResource {

    @Inject
    SessionService sessions;

    @Inject
    SettingsService settings;

    @Context
    UriInfo uriInfo;

    @Inject
    ApiCaller caller;

    @POST
    @RequiredScope(ApiScope.SESSIONS_READ)
    public JsonObject detail(@PathParam("code") String code, String body) {
        caller.requireAllRooms();
        return SessionsResource.detail(sessions, settings, uriInfo, code, body);
    }
}
