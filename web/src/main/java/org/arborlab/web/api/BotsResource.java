package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.ApiScope;
import org.arborlab.entity.Jsonp;

/**
 * {@code POST /api/bots} (Arbor's own; oTree's {@code otree test <config> [n]}): creates a bot session of a config
 * and plays it to the end with the apps' bots, over HTTP like real participants, then answers with the report.
 */
@ApplicationScoped
@Path("bots")
@Produces(MediaType.APPLICATION_JSON)
public class BotsResource {

    /** Long enough for a lab-sized session of the sample apps; a hung bot is reported, not waited on forever. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    @Inject
    BotRunner bots;

    @Inject
    SettingsService settings;

    @Inject
    ApiCaller caller;

    @Context
    HttpServletRequest request;

    @POST
    @RequiredScope(ApiScope.SESSIONS_CREATE)
    public JsonObject run(String body) throws InterruptedException {
        caller.requireAllRooms();
        JsonBody params = JsonBody.parse(body, "session_config_name", "num_participants");
        String configName = params.requiredString("session_config_name");
        SessionConfig config = settings.settings().sessionConfig(configName)
                .orElseThrow(() -> new NotFoundException("Session config \"" + configName + "\" does not exist."));
        // like `otree test`: the config's num_demo_participants unless a number is given
        Integer participants = params.has("num_participants") ? params.requiredNullableInteger("num_participants")
                : config.numDemoParticipants();
        BotReport report = bots.test(configName, participants, selfUrl(), LIMIT);
        var failures = Jsonp.createArrayBuilder();
        report.failures().forEach(failures::add);
        return Jsonp.createObjectBuilder()
                .add("code", report.sessionCode())
                .add("num_participants", report.participants())
                .add("passed", report.passed())
                .add("requests", report.requests())
                .add("millis", report.millis())
                .add("failures", failures)
                .build();
    }

    /** Bots reach this server at the address and port the request came in on, whatever the public host name. */
    private URI selfUrl() {
        String address = request.getLocalAddr();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return URI.create("http://" + host + ":" + request.getLocalPort() + request.getContextPath() + "/");
    }
}
