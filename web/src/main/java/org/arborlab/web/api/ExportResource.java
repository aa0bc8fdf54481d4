package org.arborlab.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.arborlab.control.export.ExportFormat;
import org.arborlab.control.export.ExportKind;
import org.arborlab.control.export.ExportService;
import org.arborlab.entity.ApiScope;

/**
 * {@code GET /api/sessions/{code}/export?format=csv|xlsx&kind=...&app=...}: a session's data as a file, streamed
 * as it is read. The request is checked first, so a bad one answers a problem, not a broken file.
 */
@Path("sessions/{code}/export")
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    ApiCaller caller;

    @GET
    @RequiredScope(ApiScope.SESSIONS_READ)
    public Response export(@PathParam("code") String code, @QueryParam("format") String format,
            @QueryParam("kind") String kind, @QueryParam("app") String app) {
        caller.requireAllRooms();
        ExportService.Request request;
        try {
            request = new ExportService.Request(kind == null ? ExportKind.WIDE : ExportKind.parse(kind),
                    format == null ? ExportFormat.CSV : ExportFormat.parse(format), List.of(code), app);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Long> sessionIds = exports.check(request);
        StreamingOutput body = out -> {
            try {
                exports.write(request, sessionIds, out);
            } catch (java.io.IOException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException("Export failed", e);
            }
        };
        return Response.ok(body, request.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + exports.fileName(request) + "\"")
                .build();
    }
}
