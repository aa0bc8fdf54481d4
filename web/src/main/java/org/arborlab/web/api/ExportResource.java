package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.arborlab.entity.ApiScope;

/**
 * {@code GET /api/sessions/{code}/export?format=csv|xlsx&kind=wide|app|page_times|custom&app=...}: a session's
 * data as a file, streamed as it is read. The request is checked first, so a bad one answers a problem, not a
 * broken file.
 */
@ApplicationScoped
@Path("sessions/{code}/export")
public class ExportResource {

    @Inject
    ExportDownloads downloads;

    @Inject
    ApiCaller caller;

    @GET
    @RequiredScope(ApiScope.SESSIONS_READ)
    public Response export(@PathParam("code") String code, @QueryParam("format") String format,
            @QueryParam("kind") String kind, @QueryParam("app") String app) {
        caller.requireAllRooms();
        return downloads.download(kind, format, app, List.of(code));
    }
}
