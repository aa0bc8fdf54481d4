package org.arborlab.web.play;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.arborlab.control.engine.ArrivalService;
import org.arborlab.control.engine.PlayService;

/**
 * Server-sent events for waiting browsers: {@code /live/wait/<participant code>/<page index>} and
 * {@code /live/room/<name>}. Sends one "reload" message when there is something new. If that already happened
 * before the browser connected, it is sent at once. Holds no thread while waiting (asynchronous servlet).
 */
@WebServlet(urlPatterns = "/live/*", asyncSupported = true)
public class LiveServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Browsers reconnect after this; EventSource does it by itself. */
    private static final long STREAM_MS = 5 * 60 * 1000;

    @Inject
    PushHub hub;

    @Inject
    PlayService play;

    @Inject
    ArrivalService arrivals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        String channel;
        boolean alreadyThere;
        try {
            if (parts.length == 4 && parts[1].equals("wait") && parts[3].matches("\\d{1,6}")) {
                channel = "wait:" + parts[2];
                alreadyThere = !play.isOnPage(parts[2], Integer.parseInt(parts[3]));
            } else if (parts.length == 3 && parts[1].equals("room")) {
                channel = "room:" + parts[2];
                alreadyThere = arrivals.roomHasSession(parts[2]);
            } else {
                response.sendError(404);
                return;
            }
        } catch (RuntimeException e) {
            response.sendError(503);
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        if (alreadyThere) {
            response.getWriter().write("data: reload\n\n");
            return;
        }
        response.getWriter().write("retry: 3000\n\n");
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(STREAM_MS);
        String listening = channel;
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                hub.forget(listening, async);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                hub.forget(listening, async);
                async.complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                hub.forget(listening, async);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        hub.listen(channel, async);
        // a release between the check above and listen() would be missed: check once more
        boolean releasedMeanwhile = channel.startsWith("wait:")
                ? !play.isOnPage(parts[2], Integer.parseInt(parts[3])) : arrivals.roomHasSession(parts[2]);
        if (releasedMeanwhile) {
            hub.send(channel);
        }
    }
}
