package org.arborlab.web.play;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /static/<path>}, as in oTree: Arbor's own files (the web module's {@code static/} folder, served by the
 * server's default servlet as before), else an app's static file from the classpath, {@code static/<path>} in the
 * study's apps jar (in the war's {@code WEB-INF/lib} and in an EAR's {@code lib/} alike, where the server itself
 * serves no jar's files). In development mode ({@link DevSources}) the study's source folders come first, so an
 * edited image or stylesheet shows at the next load.
 */
@WebServlet(urlPatterns = "/static/*", asyncSupported = true)
public class AppStaticFiles extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Folders and file names of letters, digits, '-', '_' and '.', never ".." or a leading dot. */
    static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private final transient DevSources devSources = DevSources.fromEnvironment();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!SAFE.matcher(path).matches() || path.contains("..") || path.endsWith(".class")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (getServletContext().getResource("/static/" + path) != null) {
            RequestDispatcher server = getServletContext().getNamedDispatcher("default");
            if (server != null) {
                server.forward(request, response);
                return;
            }
        }
        Optional<URL> found = devSources.find("static/" + path);
        URL url = found.orElseGet(() -> Thread.currentThread().getContextClassLoader().getResource("static/" + path));
        if (url == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URLConnection connection = url.openConnection();
        String type = getServletContext().getMimeType(path);
        response.setContentType(type != null ? type : "application/octet-stream");
        long modified = connection.getLastModified();
        if (modified > 0) {
            response.setDateHeader("Last-Modified", modified);
        }
        response.setHeader("Cache-Control", found.isPresent() ? "no-cache" : "max-age=3600");
        try (InputStream in = connection.getInputStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
