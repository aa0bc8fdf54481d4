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

    @Inject
    LiveMessages live;

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
        String pathInfo = request.getPathInfo();
        if (submit && pathInfo != null && pathInfo.endsWith("/live")) {
            live(request, response, PagePath.parse(pathInfo.substring(0, pathInfo.length() - "/live".length())));
            return;
        }
        PagePath path = PagePath.parse(pathInfo);
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

    /**
     * {@code POST /p/<code>/<app>/<page>/<index>/live}: a live message over HTTP, what the bot runner sends (a
     * browser uses the page's WebSocket). The body is the message's JSON; the answer is JSON:
     * {@code {"received": true, "data": ...}} with what this participant's page got, or a status and a message.
     */
    private void live(HttpServletRequest request, HttpServletResponse response, PagePath path) throws IOException {
        LiveMessages.Reply reply;
        if (path == null) {
            reply = new LiveMessages.Reply(404, "This page does not exist.", false, null);
        } else {
            byte[] body = request.getInputStream().readNBytes(LiveEndpoint.MAX_TEXT + 1);
            reply = body.length > LiveEndpoint.MAX_TEXT
                    ? new LiveMessages.Reply(413, "A live message may have at most "
                            + org.arborlab.control.engine.runtime.Play.LIVE_MAX_BYTES + " bytes. Nothing was stored.",
                            false, null)
                    : live.receive(path.participantCode(), path.index(),
                            new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        response.setStatus(reply.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(reply.json());
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
