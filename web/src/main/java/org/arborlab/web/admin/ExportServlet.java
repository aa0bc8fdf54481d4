package org.arborlab.web.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.ArborException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.export.ExportFormat;
import org.arborlab.control.export.ExportKind;
import org.arborlab.control.export.ExportService;

/**
 * The Data page at oTree's address {@code /export} (the view is {@code /admin/export.xhtml}) and its downloads:
 * <ul>
 * <li>{@code /export/download?kind=&format=&app=&session=...[&progress=ID]} streams the file, named as oTree's
 * Data page names it;</li>
 * <li>{@code /export/count?kind=&app=&session=...} answers {@code {"rows": N}}, the rows to expect besides the
 * header;</li>
 * <li>{@code /export/progress?id=ID} answers {@code {"rows": n, "done": false, "failed": false}} for a download
 * started with that id (404 if this server does not know it).</li>
 * </ul>
 * No {@code session} means all sessions; {@code session} repeated means those sessions. A bad request answers
 * 4xx with a one-line message and writes nothing.
 */
@WebServlet(urlPatterns = {"/export", "/export/", "/export/download", "/export/count", "/export/progress"})
public class ExportServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());

    @Inject
    ExportService exports;

    @Inject
    ExportProgress progress;

    @Inject
    Access access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getServletPath();
        if (path.equals("/export") || path.equals("/export/")) {
            // as AdminRoutes forwards the other admin pages (its filter leaves /export/* to this servlet)
            request.setAttribute(AdminRoutes.PATH, "/export");
            response.setHeader("Cache-Control", "no-store");
            request.getRequestDispatcher("/admin/export.xhtml").forward(request, response);
            return;
        }
        if (!access.isViewer()) {
            message(response, 403, "Exports need a signed-in admin user (role viewer or above).");
            return;
        }
        switch (path) {
            case "/export/progress" -> progress(request, response);
            case "/export/count" -> count(request, response);
            default -> download(request, response);
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportService.Request export;
        List<Long> sessionIds;
        try {
            export = parse(request);
            sessionIds = exports.check(export);
        } catch (IllegalArgumentException e) {
            message(response, 400, e.getMessage());
            return;
        } catch (ArborException e) {
            message(response, e instanceof NotFoundException ? 404 : 400, e.getMessage());
            return;
        }
        Optional<ExportProgress.Download> tracked = progress.start(request.getParameter("progress"));
        response.setContentType(export.format().mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + exports.dataPageFileName(export) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass the stream on as it comes
        boolean failed = true;
        try {
            OutputStream out = response.getOutputStream();
            exports.write(export, sessionIds, out, rows -> tracked.ifPresent(d -> d.rows(rows)));
            out.flush();
            failed = false;
        } catch (IOException e) {
            LOG.log(Level.FINE, "Export download interrupted", e); // the browser went away
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Export " + export + " failed", e);
            if (!response.isCommitted()) { // an .xlsx, or a CSV that failed before its first bytes
                response.reset();
                message(response, 500, "The export failed on the server (see its log); nothing was saved.");
            } // else the CSV already ends with a line saying that it is incomplete
        } finally {
            boolean ended = failed;
            tracked.ifPresent(d -> d.end(ended));
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ExportService.Request export = parse(request);
            long rows = exports.expectedRows(export, exports.check(export));
            json(response, Json.createObjectBuilder().add("rows", rows).build().toString());
        } catch (IllegalArgumentException e) {
            message(response, 400, e.getMessage());
        } catch (ArborException e) {
            message(response, e instanceof NotFoundException ? 404 : 400, e.getMessage());
        }
    }

    private void progress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ExportProgress.Download> download = progress.find(request.getParameter("id"));
        if (download.isEmpty()) {
            message(response, 404, "No download with this id on this server");
            return;
        }
        ExportProgress.Download d = download.get();
        json(response, Json.createObjectBuilder().add("rows", d.rows()).add("done", d.done())
                .add("failed", d.failed()).build().toString());
    }

    private static ExportService.Request parse(HttpServletRequest request) {
        String kind = request.getParameter("kind");
        String format = request.getParameter("format");
        String[] sessions = request.getParameterValues("session");
        return new ExportService.Request(kind == null ? ExportKind.WIDE : ExportKind.parse(kind),
                format == null ? ExportFormat.CSV : ExportFormat.parse(format),
                sessions == null ? List.of() : List.of(sessions), request.getParameter("app"));
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void message(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
