package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.arborlab.entity.ApiScope;

/** {@code GET /api/otree_version}: the oTree version whose REST API Arbor matches, and Arbor's own. */
@ApplicationScoped
@Path("otree_version")
public class VersionResource {
    /** The oTree release whose REST answers Arbor reproduces (measured against a running oTree of this version). */
    static final String OTREE_VERSION = "6.0.1b1";

    /** Maven writes the version into this resource at build time. */
    static final String ARBOR_VERSION = readVersion();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiredScope(ApiScope.CATALOG_READ)
    public JsonObject version() {
        return Jsonp.createObjectBuilder()
                .add("version", OTREE_VERSION)
                .add("arbor_version", ARBOR_VERSION)
                .build();
    }

    private static String readVersion() {
        try (InputStream in = VersionResource.class.getResourceAsStream("/arbor/web-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
