package org.arborlab.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.export.ExportFormat;
import org.arborlab.control.export.ExportKind;
import org.arborlab.control.export.ExportService;

/** Turns export parameters into a checked request and a streamed file answer (both export resources). */
@ApplicationScoped
public class ExportDownloads {
    private static final Logger LOG = Logger.getLogger(ExportDownloads.class.getName());

    @Inject
    ExportService exports;

    /** @param sessions session codes; empty for all sessions */
    Response download(String kind, String format, String app, List<String> sessions) {
        ExportService.Request request;
        try {
            request = new ExportService.Request(kind == null ? ExportKind.WIDE : ExportKind.parse(kind),
                    format == null ? ExportFormat.CSV : ExportFormat.parse(format), sessions, app);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Long> sessionIds = exports.check(request);
        StreamingOutput body = out -> {
            try {
                exports.write(request, sessionIds, out);
            } catch (IOException e) {
                throw e; // the client went away
            } catch (Exception e) {
                // before the first byte (always for an .xlsx) this becomes a 500 problem; after it, the CSV
                // already ends with a line saying that it is incomplete
                LOG.log(Level.SEVERE, "Export " + request + " failed", e);
                throw new IOException("The export failed on the server", e);
            }
        };
        return Response.ok(body, request.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + exports.fileName(request) + "\"")
                .build();
    }
}
