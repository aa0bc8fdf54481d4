package org.arborlab.web.chat;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.arborlab.control.ArborException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.chat.ChatService;
import org.arborlab.control.chat.ChatTicket;
import org.arborlab.control.chat.ChatTickets;
import org.arborlab.control.chat.TooManyMessagesException;
import org.arborlab.web.admin.Access;
import org.arborlab.web.play.PushHub;

/**
 * The chat over HTTP, JSON in and out (a form field {@code body} to post):
 * <ul>
 * <li>{@code GET/POST /chat/p/<participant code>}: the participant's conversation with the experimenter, from
 * the panel on every participant page; a post tells the session's monitor at once.</li>
 * <li>{@code GET/POST /chat/session/<session code>/<participant code>}: the experimenter's side, from the
 * monitor (viewers read, experimenters write; CSRF token as on every admin form); a post reaches the
 * participant's page at once.</li>
 * <li>{@code GET /chat/channel?ticket=...} and {@code POST /chat/channel} (fields {@code ticket}, {@code body}): a
 * chat between participants ({@code <arbor:chat/>}); the ticket the page was given names the participant, the
 * channel and the nickname, signed by the server (403 if it is not). A post reaches the channel's open pages at
 * once; too long or empty answers 400, too fast 429, nothing stored.</li>
 * <li>{@code GET /chat_export}: oTree's export of every chat message, {@code ChatMessages-YYYY-MM-DD.csv}.</li>
 * </ul>
 * Bad input answers 4xx with {@code {"message": ...}}.
 */
@WebServlet(urlPatterns = {"/chat/*", "/chat_export"}, asyncSupported = true)
public class ChatServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    ChatService chat;

    @Inject
    PushHub push;

    @Inject
    Access access;

    @Inject
    ChatTickets tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/chat_export")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"ChatMessages-"
                    + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
            chat.export(response.getWriter());
            return;
        }
        String[] parts = parts(request);
        try {
            if (parts.length == 1 && parts[0].equals("channel")) {
                ChatTicket ticket = ticket(request, response);
                if (ticket != null) {
                    sendChannel(response, 200, chat.channelMessages(ticket), ticket);
                }
            } else if (parts.length == 2 && parts[0].equals("p")) {
                send(response, 200, chat.conversation(parts[1]), "me");
            } else if (parts.length == 3 && parts[0].equals("session")) {
                send(response, 200, chat.conversation(parts[1], parts[2]), "experimenter");
            } else {
                problem(response, 404, "Not found.");
            }
        } catch (NotFoundException e) {
            problem(response, 404, e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        String body = request.getParameter("body");
        try {
            if (parts.length == 1 && parts[0].equals("channel")) {
                ChatTicket ticket = ticket(request, response);
                if (ticket != null) {
                    chat.fromGroupMember(ticket, body);
                    push.refresh(PushHub.groupChatChannel(tickets.liveKey(ticket.channel())));
                    push.refresh(PushHub.monitorChannel(sessionOf(ticket.participantCode())));
                    sendChannel(response, 201, chat.channelMessages(ticket), ticket);
                }
            } else if (parts.length == 2 && parts[0].equals("p")) {
                ChatService.Message sent = chat.fromParticipant(parts[1], body);
                String session = sessionOf(parts[1]);
                push.refresh(PushHub.monitorChannel(session));
                send(response, 201, List.of(sent), "me");
            } else if (parts.length == 3 && parts[0].equals("session")) {
                if (!access.isExperimenter()) {
                    problem(response, 403, "Your role may read the chat but not write in it.");
                    return;
                }
                chat.fromExperimenter(parts[1], List.of(parts[2]), body);
                push.refresh(PushHub.chatChannel(parts[2]));
                push.refresh(PushHub.monitorChannel(parts[1]));
                send(response, 201, chat.conversation(parts[1], parts[2]), "experimenter");
            } else {
                problem(response, 404, "Not found.");
            }
        } catch (NotFoundException e) {
            problem(response, 404, e.getMessage());
        } catch (TooManyMessagesException e) {
            problem(response, 429, e.getMessage());
        } catch (ArborException e) {
            problem(response, 400, e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            Throwable cause = e.getCause();
            problem(response, cause instanceof TooManyMessagesException ? 429 : cause instanceof ArborException ? 400
                    : 500, cause instanceof ArborException ? cause.getMessage() : "The message could not be saved.");
        }
    }

    /** The page's chat ticket if the server signed it; else answers 403 and gives null. */
    private ChatTicket ticket(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatTicket ticket = tickets.read(request.getParameter("ticket")).orElse(null);
        if (ticket == null) {
            problem(response, 403, "This chat is not valid: reload the page.");
        }
        return ticket;
    }

    /** A channel's messages as JSON; {@code mine}: written by the ticket's participant. */
    private static void sendChannel(HttpServletResponse response, int status, List<ChatService.Message> messages,
            ChatTicket ticket) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ChatService.Message m : messages) {
            list.add(Json.createObjectBuilder().add("id", m.id()).add("nickname", m.nickname()).add("body", m.body())
                    .add("at", m.atEpochMillis()).add("mine", ticket.participantCode().equals(m.participantCode())));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("messages", list).build().toString());
    }

    private String sessionOf(String participantCode) {
        return chat.sessionOf(participantCode);
    }

    private static String[] parts(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/+|/+$", "");
        return info.isEmpty() ? new String[0] : info.split("/");
    }

    /** The messages as JSON; {@code mine} marks whose they are from the asking side ("me" or "experimenter"). */
    private static void send(HttpServletResponse response, int status, List<ChatService.Message> messages,
            String side) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ChatService.Message m : messages) {
            boolean mine = side.equals("experimenter") == m.fromExperimenter();
            list.add(Json.createObjectBuilder().add("id", m.id()).add("nickname", m.nickname()).add("body", m.body())
                    .add("at", m.atEpochMillis()).add("fromExperimenter", m.fromExperimenter()).add("mine", mine));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("messages", list).build().toString());
    }

    private static void problem(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("message", message).build().toString());
    }
}
