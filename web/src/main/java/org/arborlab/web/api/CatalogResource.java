package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.entity.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.RoomConfig;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.entity.ApiScope;

/** What this server offers: session configs, rooms and apps. */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    SettingsService settings;

    @Inject
    AppRegistry apps;

    @Inject
    SessionService sessions;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("session_configs")
    @RequiredScope(ApiScope.CATALOG_READ)
    public JsonArray sessionConfigs(String body) {
        JsonBody.parse(body);
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (SessionConfig config : settings.settings().sessionConfigs().values()) {
            list.add(config.values());
        }
        return list.build();
    }

    @GET
    @Path("rooms")
    @RequiredScope(ApiScope.CATALOG_READ)
    public JsonArray rooms(String body) {
        JsonBody.parse(body);
        Links links = new Links(uriInfo);
        Map<String, String> sessionByRoom = sessions.roomBindings();
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (RoomConfig room : settings.settings().rooms().values()) {
            JsonObjectBuilder json = Jsonp.createObjectBuilder();
            String code = sessionByRoom.get(room.name());
            if (code == null) {
                json.addNull("session_code");
            } else {
                json.add("session_code", code);
            }
            list.add(json.add("name", room.name()).add("url", links.room(room.name())));
        }
        return list.build();
    }

    @GET
    @Path("apps")
    @RequiredScope(ApiScope.CATALOG_READ)
    public JsonObject apps(String body) {
        JsonBody.parse(body);
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        for (AppModel app : apps.all().values()) {
            json.add(app.name(), app.doc());
        }
        return json.build();
    }
}
