package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.arborlab.entity.ApiScope;

/**
 * {@code GET /api/export?format=...&kind=...&app=...[&session=CODE...]}: the same tables over the whole database
 * (no {@code session}) or over a chosen set of sessions ({@code session} repeated), as oTree's Data page offers.
 */
@ApplicationScoped
@Path("export")
public class DataExportResource {

    @Inject
    ExportDownloads downloads;

    @Inject
    ApiCaller caller;

    @GET
    @RequiredScope(ApiScope.SESSIONS_READ)
    public Response export(@QueryParam("format") String format, @QueryParam("kind") String kind,
            @QueryParam("app") String app, @QueryParam("session") List<String> sessions) {
        caller.requireAllRooms();
        return downloads.download(kind, format, app, sessions == null ? List.of() : List.copyOf(sessions));
    }
}
