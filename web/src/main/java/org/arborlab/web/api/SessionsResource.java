package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.entity.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionDetail;
import org.arborlab.control.session.SessionListing;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.entity.ApiScope;

/** {@code /api/sessions}: create and list sessions; {@code /api/sessions/{code}} reads one. */
@ApplicationScoped
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {
    static final String[] DETAIL_PARAMETERS = {"participant_labels", "participant_vars", "session_vars"};

    @Inject
    SessionService sessions;

    @Inject
    SettingsService settings;

    @Context
    UriInfo uriInfo;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    ApiCaller caller;

    @POST
    @RequiredScope(ApiScope.SESSIONS_CREATE)
    public JsonObject create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body) {
        JsonBody params = JsonBody.parse(body, "session_config_name", "num_participants",
                "modified_session_config_fields", "room_name", "label", "is_demo", "is_mturk");
        if (params.optionalBoolean("is_mturk", false)) {
            throw ApiException.badRequest("Arbor does not support MTurk sessions; leave is_mturk out or false");
        }
        String label = params.optionalString("label");
        if (label != null && label.length() > 300) {
            throw ApiException.badRequest("Parameter \"label\" must be at most 300 characters, got " + label.length());
        }
        CreateSession request = new CreateSession(
                params.requiredString("session_config_name"),
                params.requiredNullableInteger("num_participants"),
                params.optionalObject("modified_session_config_fields"),
                params.optionalString("room_name"),
                label == null ? "" : label,
                params.optionalBoolean("is_demo", false));
        caller.requireRoom(request.roomName());
        if (idempotencyKey == null) {
            Session session = sessions.create(request);
            return SessionJson.created(session, Optional.ofNullable(request.roomName()), new Links(uriInfo));
        }
        if (!idempotencyKey.matches("[\\x21-\\x7E]{1,255}")) {
            throw ApiException.badRequest("Header Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        SessionListing created = sessions.create(request, idempotencyKey);
        return SessionJson.created(created.session(), created.roomName(), new Links(uriInfo));
    }

    @GET
    @RequiredScope(ApiScope.SESSIONS_READ)
    public JsonArray list(String body) {
        JsonBody.parse(body);
        caller.requireAllRooms();
        Links links = new Links(uriInfo);
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (SessionListing listing : sessions.listNonDemo()) {
            list.add(SessionJson.summary(listing.session(), listing.roomName(), links));
        }
        return list.build();
    }

    /** oTree's legacy alias of {@code POST /api/get_session/{code}}; filters may come in the GET body. */
    @GET
    @Path("{code}")
    @RequiredScope(ApiScope.SESSIONS_READ)
    public JsonObject detail(@PathParam("code") String code, String body) {
        caller.requireAllRooms();
        return detail(sessions, settings, uriInfo, code, body);
    }

    static JsonObject detail(SessionService sessions, SettingsService settings, UriInfo uriInfo, String code,
            String body) {
        JsonBody params = JsonBody.parse(body, DETAIL_PARAMETERS);
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        SessionDetail detail = sessions.detail(new SessionCode(code), params.optionalStrings("participant_labels"));
        return SessionJson.detail(detail, params.optionalStrings("participant_vars"),
                params.optionalStrings("session_vars"), settings.settings(), new Links(uriInfo));
    }
}
