package org.arborlab.web.play;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.engine.features.ArrivalService;
import org.arborlab.control.engine.runtime.Links;
import org.arborlab.control.engine.runtime.Outcome;
import org.arborlab.control.engine.runtime.PlayService;
import org.arborlab.control.engine.features.RoomEntry;

/**
 * oTree's start links: {@code /InitializeParticipant/<code>} (single use), {@code /join/<anonymous code>}
 * (session-wide), {@code /room/<name>} (room-wide, optionally {@code ?participant_label=L[&hash=H]}), and the
 * page for participants who have finished.
 */
@WebServlet(urlPatterns = {"/InitializeParticipant/*", "/join/*", "/room/*", "/OutOfRangeNotification/*"},
        asyncSupported = true)
public class StartLinkServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Remembers a label-less room's participant in this browser: one cookie per session. */
    static final String ROOM_COOKIE_PREFIX = "arbor_room_";

    @Inject
    PlayService play;

    @Inject
    ArrivalService arrivals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.setCharacterEncoding("UTF-8");
        String name = trimmed(request.getPathInfo());
        String label = blankToNull(request.getParameter("participant_label"));
        try {
            switch (request.getServletPath()) {
                case "/InitializeParticipant" -> Render.outcome(request, response, play.start(name, label));
                case "/join" -> Render.outcome(request, response, arrivals.join(name, label));
                case "/room" -> room(request, response, name, label);
                default -> Render.message(request, response, 200, "Thank you", "No more pages left.");
            }
        } catch (RuntimeException | ServletException e) {
            Render.failure(request, response, e);
        }
    }

    private void room(HttpServletRequest request, HttpServletResponse response, String room, String label)
            throws IOException, ServletException {
        RoomEntry entry = arrivals.enterRoom(room, label, request.getParameter("hash"), roomCookies(request));
        if (entry instanceof RoomEntry.Assigned assigned) {
            if (label == null) {
                Cookie cookie = new Cookie(ROOM_COOKIE_PREFIX + assigned.sessionCode(), assigned.participantCode());
                cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                cookie.setHttpOnly(true);
                cookie.setMaxAge(60 * 60 * 24 * 30);
                response.addCookie(cookie);
            }
            Render.redirect(request, response, Links.initializeParticipant(assigned.participantCode()));
        } else if (entry instanceof RoomEntry.NotFound notFound) {
            Render.message(request, response, 404, "Not found", notFound.message());
        } else if (entry instanceof RoomEntry.Full) {
            Render.message(request, response, 404, "Session is full", "Session is full.");
        } else if (entry instanceof RoomEntry.AskLabel ask) {
            request.setAttribute(PlayView.ROOM, new PlayView.RoomView(room, ask.roomDisplayName(), label, ask.error()));
            Render.view(request, response, 200, "/WEB-INF/play/room-label.xhtml");
        } else if (entry instanceof RoomEntry.Wait wait) {
            request.setAttribute(PlayView.ROOM, new PlayView.RoomView(room, wait.roomDisplayName(), label, null));
            Render.view(request, response, 200, "/WEB-INF/play/room-wait.xhtml");
        }
    }

    /** The participant codes this browser was given in rooms; the service uses the one of the room's session. */
    private static List<String> roomCookies(HttpServletRequest request) {
        List<String> codes = new ArrayList<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().startsWith(ROOM_COOKIE_PREFIX) && codes.size() < 20) {
                    codes.add(cookie.getValue());
                }
            }
        }
        return codes;
    }

    private static String trimmed(String pathInfo) {
        if (pathInfo == null || pathInfo.length() <= 1) {
            return "";
        }
        String name = pathInfo.substring(1);
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
