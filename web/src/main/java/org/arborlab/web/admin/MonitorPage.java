package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.arborlab.control.ArborException;
import org.arborlab.control.admin.MonitorService;
import org.arborlab.control.chat.ChatService;
import org.arborlab.web.play.PushHub;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /SessionMonitor/<code>}: the live table of participants, "advance slowest participants", and the lab-day
 * controls on ticked participants (advance, message, dropout); the chat panel talks to {@code /chat/session/...}.
 */
@Named
@RequestScoped
public class MonitorPage {

    @Inject
    MonitorService service;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    @Inject
    ChatService chat;

    @Inject
    PushHub push;

    private static final String NOBODY_MOVED = "Nobody was moved on: no participant who has started is behind on a"
            + " page (those who have not opened their link are left alone; participants on a wait page move on when"
            + " their group is there).";

    private MonitorService.Monitor monitor;
    private java.util.Map<String, Long> written;
    private java.util.List<ChatService.Channel> participantChats;

    public MonitorService.Monitor getMonitor() {
        if (monitor == null) {
            monitor = service.monitor(request.getCode());
        }
        return monitor;
    }

    /** How many messages each participant wrote to the experimenter (the monitor's Chat column). */
    public java.util.Map<String, Long> getWritten() {
        if (written == null) {
            written = chat.writtenToExperimenter(request.getCode());
        }
        return written;
    }

    /** The participants' chats of the session ({@code <arbor:chat/>}), read-only on the monitor. */
    public java.util.List<ChatService.Channel> getParticipantChats() {
        if (participantChats == null) {
            participantChats = chat.participantChats(request.getCode());
        }
        return participantChats;
    }

    /**
     * POST {@code op=advance}: the slowest participants who have started move on one page. The lab-day controls
     * act on the ticked participants ({@code participant}, repeated): {@code advance-selected} (one page each),
     * {@code message} (field {@code message}: shown on their page at once, kept in their chat),
     * {@code dropout} and {@code undo-dropout}. Each answers with a redirect and a note of who was changed.
     */
    public void post() {
        if (!request.isPost()) {
            String done = request.param("done");
            String who = request.param("who");
            if (done != null && who != null && who.matches("(P\\d{1,5}( P\\d{1,5})*)?")) {
                String names = who.replace(" ", ", ");
                request.info(switch (done) {
                    case "advanced" -> who.isEmpty() ? NOBODY_MOVED : "Advanced " + names + " by one page.";
                    case "message" -> "Message sent to " + names + ".";
                    case "dropout" -> who.isEmpty() ? "No change." : "Marked " + names + " as dropout.";
                    case "undo-dropout" -> who.isEmpty() ? "No change." : names + " no longer marked as dropout.";
                    default -> "Done.";
                });
            }
            String old = request.param("advanced");
            if (old != null && old.matches("(P\\d{1,5}( P\\d{1,5})*)?")) {
                request.info(old.isEmpty() ? NOBODY_MOVED : "Advanced " + old.replace(" ", ", ") + " by one page.");
            }
            return;
        }
        if (request.refuseUnless(access.isExperimenter())) {
            return;
        }
        String op = String.valueOf(request.param("op"));
        List<String> chosen = request.params("participant");
        try {
            List<String> who;
            switch (op) {
                case "advance" -> who = service.advanceSlowest(request.getCode(), false).participants();
                case "advance-selected", "message", "dropout", "undo-dropout" -> {
                    if (chosen.isEmpty()) {
                        request.error("Tick at least one participant in the table first.");
                        return;
                    }
                    who = switch (op) {
                        case "advance-selected" -> service.advanceParticipants(request.getCode(), chosen).participants();
                        case "message" -> {
                            String text = request.param("message");
                            if (text == null || text.isBlank()) {
                                request.error("Write the message to send first.");
                                yield null;
                            }
                            List<String> to = chat.fromExperimenter(request.getCode(), chosen, text);
                            for (String participant : chosen) {
                                push.refresh(PushHub.chatChannel(participant));
                            }
                            yield to;
                        }
                        default -> service.markDropout(request.getCode(), chosen, op.equals("dropout")).participants();
                    };
                    if (who == null) {
                        return;
                    }
                }
                default -> {
                    request.error("Unknown action.");
                    return;
                }
            }
            request.redirect("/SessionMonitor/" + request.getCode() + "?done="
                    + (op.equals("advance") || op.equals("advance-selected") ? "advanced" : op) + "&who="
                    + URLEncoder.encode(String.join(" ", who), StandardCharsets.UTF_8));
        } catch (ArborException e) {
            request.error(e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            if (e.getCause() instanceof ArborException cause) {
                request.error(cause.getMessage());
                return;
            }
            java.util.logging.Logger.getLogger(MonitorPage.class.getName()).log(java.util.logging.Level.SEVERE,
                    "Monitor action " + op + " on " + request.getCode() + " failed", e);
            request.error("Nothing was changed: the app failed on a timed-out page (see the server log).");
        }
    }
}
