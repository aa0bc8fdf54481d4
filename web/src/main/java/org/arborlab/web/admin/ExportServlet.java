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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.ArborException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.engine.features.RoomUrlSecret;
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
 *
 * <p>And oTree's two download URLs that scripts use: {@code /ExportPageTimes} (page times of every session,
 * {@code PageTimes-<date>.csv}) and {@code /ExportSessionWide/<code>?token=<token>[&excel=1]} (one session, all
 * apps wide, {@code all_apps_wide-<date>.csv}; the token is oTree's data export hash, shown on the session's Data
 * tab; a missing or wrong one answers oTree's 400 "Missing or incorrect auth token"). Unlike oTree, both also
 * need the login the access table asks for.
 */
@WebServlet(urlPatterns = {"/export", "/export/", "/export/download", "/export/count", "/export/progress",
        "/ExportPageTimes", "/ExportPageTimes/", "/ExportSessionWide/*"}, asyncSupported = true)
public class ExportServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());

    @Inject
    ExportService exports;

    @Inject
    ExportProgress progress;

    @Inject
    Access access;

    @Inject
    RoomUrlSecret secret;

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
            case "/ExportPageTimes", "/ExportPageTimes/" -> download(request, response, () ->
                    new ExportService.Request(ExportKind.PAGE_TIMES, ExportFormat.CSV, List.of(), null), false);
            case "/ExportSessionWide" -> sessionWide(request, response);
            default -> download(request, response, () -> parse(request), true);
        }
    }

    /** oTree's token-guarded download of one session's wide table. */
    private void sessionWide(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String code = info.startsWith("/") ? info.substring(1).replaceAll("/$", "") : info;
        if (code.isEmpty() || code.contains("/")) {
            message(response, 404, "This page does not exist.");
            return;
        }
        if (!secret.isDataExportToken(request.getParameter("token"))) {
            message(response, 400, "Missing or incorrect auth token");
            return;
        }
        ExportFormat format = request.getParameter("excel") == null ? ExportFormat.CSV : ExportFormat.XLSX;
        download(request, response, () -> new ExportService.Request(ExportKind.WIDE, format, List.of(code), null),
                false);
    }

    /**
     * @param dataPage name the file as the Data page does (else as oTree's HTTP download URLs do)
     */
    private void download(HttpServletRequest request, HttpServletResponse response, Supplier<ExportService.Request> reader,
            boolean dataPage) throws IOException {
        ExportService.Request export;
        List<Long> sessionIds;
        try {
            export = reader.get(); // may refuse the parameters
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
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + (dataPage ? exports.dataPageFileName(export) : exports.fileName(export)) + "\"");
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
        Optional<ExportProgress.Status> download = progress.find(request.getParameter("id"));
        if (download.isEmpty()) {
            message(response, 404, "No download with this id");
            return;
        }
        ExportProgress.Status d = download.get();
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
