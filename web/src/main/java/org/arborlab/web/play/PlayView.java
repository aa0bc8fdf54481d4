package org.arborlab.web.play;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.arborlab.control.engine.runtime.AppErrors;
import org.arborlab.control.engine.runtime.PageView;
import org.arborlab.control.engine.runtime.WaitView;

/**
 * What the participant pages render ({@code #{play...}}): the page, wait page or message the servlet put in the
 * request. Records are read with method calls in EL ({@code #{play.page.title()}}).
 */
@Named("play")
@RequestScoped
public class PlayView {
    static final String PAGE = "arbor.page";
    static final String WAIT = "arbor.wait";
    static final String MESSAGE = "arbor.message";
    static final String ROOM = "arbor.room";
    /** The classpath resources of app templates are served to Facelets under this prefix. */
    static final String APP_TEMPLATES = AppErrors.APP_TEMPLATES;

    @Inject
    HttpServletRequest request;

    @Inject
    PlaySettings settings;

    @Inject
    org.arborlab.control.chat.ChatTickets chatTickets;

    public PageView getPage() {
        return (PageView) request.getAttribute(PAGE);
    }

    public WaitView getWait() {
        return (WaitView) request.getAttribute(WAIT);
    }

    public Message getMessage() {
        return (Message) request.getAttribute(MESSAGE);
    }

    public RoomView getRoom() {
        return (RoomView) request.getAttribute(ROOM);
    }

    /** The Facelets file that fills the form: the app's own template or the default list of fields. */
    public String getContentTemplate() {
        PageView page = getPage();
        return page.template() == null ? "/WEB-INF/play/form.xhtml" : APP_TEMPLATES + page.template();
    }

    /** One field of the current form by name, for {@code <arbor:field name="..."/>} in app templates. */
    public PageView.FieldView field(String name) {
        return getPage().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This page's form has no field " + name));
    }

    /**
     * The chat of {@code <arbor:chat/>} on this page (oTree's {@code {{ chat }}}): the channel is the
     * participant's group in this round unless the template declares one, always within the session and app;
     * the nickname is "Participant {id in group}" unless declared. Both are signed into the ticket the page
     * carries, so the browser cannot change them.
     */
    public org.arborlab.control.chat.ChatTickets.Issued chat(String channel, String nickname) {
        PageView page = getPage();
        if (page == null) {
            throw new IllegalStateException("<arbor:chat/> works on a page with a participant, not here");
        }
        return chatTickets.issue(page.participantCode(), page.sessionCode(), page.appName(), channel, nickname,
                page.roundNumber(), number(page.values().get("group"), "idInSubsession"),
                number(page.values().get("player"), "idInGroup"));
    }

    private static int number(Object model, String name) {
        if (model instanceof Map<?, ?> map && map.get(name) instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("<arbor:chat/> needs the page's player and group");
    }

    /** The debug panel's rows; empty in production (OTREE_PRODUCTION set) and on pages without a participant. */
    public List<Map.Entry<String, String>> getDebugRows() {
        PageView page = getPage();
        WaitView wait = getWait();
        Map<String, String> debug = page != null ? page.debug() : wait != null ? wait.debug() : null;
        return debug == null ? List.of() : List.copyOf(debug.entrySet());
    }

    /** The participant of a form or wait page (their chat with the experimenter), else null. */
    public String getParticipantCode() {
        PageView page = getPage();
        WaitView wait = getWait();
        return page != null ? page.participantCode() : wait != null ? wait.participantCode() : null;
    }

    /** The optional HTML snippet (e.g. a chat widget) added to every participant page. */
    public String getSnippet() {
        return settings.participantPageSnippet();
    }

    /** A message page: status, title and text. */
    public record Message(int status, String title, String text) {
    }

    /** The room pages: the label form or the waiting page. */
    public record RoomView(String roomName, String displayName, String label, String error) {
    }
}
