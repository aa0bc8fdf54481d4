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
import org.arborlab.control.vars.VarsService;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.ApiScope;

/**
 * {@code POST /api/participant_vars} (room + label: applied now, or kept until the label arrives) and
 * {@code POST /api/participant_vars/{participant code}}.
 */
@ApplicationScoped
@Path("participant_vars")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantVarsResource {

    @Inject
    VarsService vars;

    @Inject
    ApiCaller caller;

    @POST
    @RequiredScope(ApiScope.PARTICIPANT_VARS)
    public JsonObject byRoomLabel(String body) {
        JsonBody params = JsonBody.parse(body, "room_name", "participant_label", "vars");
        caller.requireRoom(params.requiredString("room_name"));
        vars.mergeParticipantVars(params.requiredString("room_name"), params.requiredString("participant_label"),
                params.requiredObject("vars"));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    @POST
    @Path("{code}")
    @RequiredScope(ApiScope.PARTICIPANT_VARS)
    public JsonObject byCode(@PathParam("code") String code, String body) {
        caller.requireAllRooms();
        JsonBody params = JsonBody.parse(body, "vars");
        JsonObject update = params.requiredObject("vars");
        if (!ParticipantCode.isValid(code)) {
            throw VarsService.participantNotFound(code);
        }
        vars.mergeParticipantVars(new ParticipantCode(code), update);
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
