package org.arborlab.web.play;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.arborlab.control.engine.runtime.Outcome;
import org.arborlab.control.engine.runtime.PlayService;

/**
 * A participant's pages: {@code /p/<participant code>/<app>/<page>/<index>}. GET shows the page, POST submits it.
 * The index in the URL is what makes a repeated submission harmless: it no longer matches.
 */
@WebServlet(urlPatterns = "/p/*", asyncSupported = true)
public class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    PlayService play;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean submit)
            throws ServletException, IOException {
        request.setCharacterEncoding("UTF-8");
        PagePath path = PagePath.parse(request.getPathInfo());
        if (path == null) {
            Render.message(request, response, 404, "Not found", "This page does not exist.");
            return;
        }
        try {
            Outcome outcome;
            if (submit) {
                Map<String, String> form = new HashMap<>();
                request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
                boolean timeout = "1".equals(form.remove("timeout_happened"));
                outcome = play.submit(path.participantCode(), path.app(), path.page(), path.index(), form, timeout);
            } else {
                outcome = play.show(path.participantCode(), path.index());
            }
            Render.outcome(request, response, outcome);
        } catch (RuntimeException | ServletException e) {
            Render.failure(request, response, e);
        }
    }

    /** {@code /<code>/<app>/<page>/<index>}, with or without a trailing slash. */
    record PagePath(String participantCode, String app, String page, int index) {

        static PagePath parse(String pathInfo) {
            if (pathInfo == null) {
                return null;
            }
            String path = pathInfo.endsWith("/") ? pathInfo.substring(0, pathInfo.length() - 1) : pathInfo;
            String[] parts = path.split("/");
            if (parts.length != 5 || !parts[0].isEmpty() || !parts[4].matches("\\d{1,6}")) {
                return null;
            }
            return new PagePath(parts[1], parts[2], parts[3], Integer.parseInt(parts[4]));
        }
    }
}
