package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.vars.VarsService;
import org.arborlab.entity.SessionCode;
import org.arborlab.entity.ApiScope;

/** {@code POST /api/session_vars} (the room's current session) and {@code POST /api/session_vars/{code}}. */
@ApplicationScoped
@Path("session_vars")
@Produces(MediaType.APPLICATION_JSON)
public class SessionVarsResource {

    @Inject
    VarsService vars;

    @Inject
    ApiCaller caller;

    @POST
    @RequiredScope(ApiScope.SESSION_VARS)
    public JsonObject byRoom(String body) {
        JsonBody params = JsonBody.parse(body, "room_name", "vars");
        caller.requireRoom(params.requiredString("room_name"));
        vars.mergeSessionVarsByRoom(params.requiredString("room_name"), params.requiredObject("vars"));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    @POST
    @Path("{code}")
    @RequiredScope(ApiScope.SESSION_VARS)
    public JsonObject byCode(@PathParam("code") String code, String body) {
        caller.requireAllRooms();
        JsonBody params = JsonBody.parse(body, "vars");
        JsonObject update = params.requiredObject("vars");
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        vars.mergeSessionVars(new SessionCode(code), update);
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
