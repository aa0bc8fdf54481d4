package org.arborlab.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/otree_version}: the oTree version whose REST API Arbor matches, and Arbor's own. */
@Path("otree_version")
public class VersionResource {
    /** The oTree release whose behaviour SPEC.md records. */
    static final String OTREE_VERSION = "6.0.1b1";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject version() {
        String arbor = VersionResource.class.getPackage().getImplementationVersion();
        return Json.createObjectBuilder()
                .add("version", OTREE_VERSION)
                .add("arbor_version", arbor == null ? "development" : arbor)
                .build();
    }
}
