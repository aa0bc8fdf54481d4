package org.arborlab.control.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import org.arborlab.control.audit.Audited;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.ChatMessage;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;

/**
 * Stores and reads chat messages. A channel belongs to one session; the experimenter's conversation with a
 * participant is {@link #experimenterChannel}, participants' own chats ({@code <arbor:chat/>}) are named by
 * {@link ChatChannels} and reached with a {@link ChatTicket}. Participants write under a nickname the server sets
 * (never one the browser sends), the experimenter as "Experimenter".
 */
@Stateless
public class ChatService {
    /** The experimenter's name in conversations and in the export. */
    public static final String EXPERIMENTER = "Experimenter";
    /** Longest message accepted. */
    public static final int MAX_BODY = ChatChannels.MAX_BODY;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    /** The channel of the experimenter's conversation with one participant. */
    public static String experimenterChannel(String participantCode) {
        return "experimenter-" + participantCode;
    }

    /** A participant writes to the experimenter. */
    public Message fromParticipant(String participantCode, String body) {
        Participant participant = participant(participantCode);
        return save(participant.getSession(), experimenterChannel(participantCode), participant,
                "P" + participant.getIdInSession(), body);
    }

    /**
     * The experimenter writes to participants of a session (a reply in one conversation, or one message to
     * several): one message in each one's conversation, shown on their page at once.
     *
     * @return the participants written to ("P3", ...)
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.chat_message")
    public List<String> fromExperimenter(String sessionCode, List<String> participantCodes, String body) {
        Session session = session(sessionCode);
        List<Participant> to = sessions.participants(session).stream()
                .filter(p -> participantCodes.contains(p.getCode().value())).toList();
        if (to.isEmpty()) {
            throw new InvalidInputException("Choose at least one participant of this session.");
        }
        for (Participant p : to) {
            save(session, experimenterChannel(p.getCode().value()), null, EXPERIMENTER, body);
        }
        return to.stream().map(p -> "P" + p.getIdInSession()).toList();
    }

    /** A participant's conversation with the experimenter, oldest first. */
    public List<Message> conversation(String participantCode) {
        Participant participant = participant(participantCode);
        return messages(participant.getSession(), experimenterChannel(participantCode));
    }

    /** The code of the participant's session. */
    public String sessionOf(String participantCode) {
        return participant(participantCode).getSession().getCode().value();
    }

    /**
     * A participant writes in a page's chat (oTree's {@code {{ chat }}}): the ticket the page was given says the
     * channel and nickname. At most {@link ChatChannels#MAX_MESSAGES} messages per participant within
     * {@link ChatChannels#WINDOW_MILLIS} ms (counted in the database, so on every instance).
     *
     * @throws TooManyMessagesException when the participant writes faster
     */
    public Message fromGroupMember(ChatTicket ticket, String body) {
        Participant participant = participant(ticket.participantCode());
        Session session = participant.getSession();
        if (!ticket.channel().startsWith(session.getCode().value() + "-")) {
            // cannot happen with a ticket the server signed; kept so a channel never crosses sessions
            throw new InvalidInputException("This chat does not belong to your session.");
        }
        String text = ChatChannels.body(body);
        long recent = em.createQuery("select count(m) from ChatMessage m where m.participant = :p"
                + " and m.channel not like 'experimenter-%' and m.atEpochMillis > :since", Long.class)
                .setParameter("p", participant).setParameter("since", clock.millis() - ChatChannels.WINDOW_MILLIS)
                .getSingleResult();
        if (!ChatChannels.mayWrite(recent)) {
            throw new TooManyMessagesException("You are sending messages too fast (at most "
                    + ChatChannels.MAX_MESSAGES + " in " + ChatChannels.WINDOW_MILLIS / 1000
                    + " seconds). Please wait a moment.");
        }
        return save(session, ticket.channel(), participant, ticket.nickname(), text);
    }

    /** The messages of a page's chat channel, oldest first. */
    public List<Message> channelMessages(ChatTicket ticket) {
        Participant participant = participant(ticket.participantCode());
        return messages(participant.getSession(), ticket.channel());
    }

    /** How many of a session's latest participants' chat messages the monitor shows. */
    public static final int MONITOR_MESSAGES = 500;

    /**
     * The participants' chats of a session ({@code <arbor:chat/>}), for the monitor: its latest
     * {@link #MONITOR_MESSAGES} messages, by channel (channels in the order of their first message shown), oldest
     * first within each.
     */
    public List<Channel> participantChats(String sessionCode) {
        Session session = session(sessionCode);
        List<ChatMessage> latest = em.createQuery("select m from ChatMessage m left join fetch m.participant"
                + " where m.session = :session and m.channel not like 'experimenter-%' order by m.id desc",
                ChatMessage.class).setParameter("session", session).setMaxResults(MONITOR_MESSAGES).getResultList();
        Map<String, List<Message>> byChannel = new java.util.LinkedHashMap<>();
        for (int i = latest.size() - 1; i >= 0; i--) {
            ChatMessage m = latest.get(i);
            byChannel.computeIfAbsent(m.getChannel(), c -> new java.util.ArrayList<>()).add(Message.of(m));
        }
        return byChannel.entrySet().stream().map(e -> new Channel(e.getKey(), e.getValue())).toList();
    }

    /** One chat channel's messages. */
    public record Channel(String name, List<Message> messages) {
    }

    /** The experimenter's view of a conversation: the participant must belong to the session. */
    public List<Message> conversation(String sessionCode, String participantCode) {
        Participant participant = participant(participantCode);
        if (!participant.getSession().getCode().value().equals(sessionCode)) {
            throw new NotFoundException("Participant " + participantCode + " is not in session " + sessionCode + ".");
        }
        return messages(participant.getSession(), experimenterChannel(participantCode));
    }

    /** How many messages each participant of the session wrote to the experimenter, by participant code. */
    public Map<String, Long> writtenToExperimenter(String sessionCode) {
        Session session = session(sessionCode);
        return em.createQuery("select m.participant.code.value, count(m) from ChatMessage m where m.session = :session"
                + " and m.participant is not null and m.channel like 'experimenter-%' group by m.participant.code.value",
                Object[].class).setParameter("session", session).getResultList().stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    /**
     * oTree's chat export: {@code session_code,id_in_session,participant_code,channel,nickname,body,timestamp}
     * (timestamp in epoch seconds), every session, in the order written; CRLF line endings as Python's csv.
     * The experimenter's messages have no participant columns.
     */
    public void export(Writer out) {
        try {
            out.write("session_code,id_in_session,participant_code,channel,nickname,body,timestamp\r\n");
            List<ChatMessage> rows = em.createQuery("select m from ChatMessage m join fetch m.session"
                    + " left join fetch m.participant order by m.id", ChatMessage.class).getResultList();
            for (ChatMessage m : rows) {
                Participant p = m.getParticipant();
                out.write(csv(m.getSession().getCode().value()) + "," + (p == null ? "" : p.getIdInSession()) + ","
                        + (p == null ? "" : p.getCode().value()) + "," + csv(m.getChannel()) + "," + csv(m.getNickname())
                        + "," + csv(m.getBody()) + "," + timestamp(m.getAtEpochMillis()) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch seconds with the milliseconds, e.g. 1796647225.682 (oTree writes Python's time.time()). */
    static String timestamp(long epochMillis) {
        return java.math.BigDecimal.valueOf(epochMillis, 3).toPlainString();
    }

    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().replace('\r', ' ').replace('\n', ' ');
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private Message save(Session session, String channel, Participant participant, String nickname, String body) {
        String text = ChatChannels.body(body);
        ChatMessage message = new ChatMessage(session, channel, participant, nickname, text, clock.millis());
        em.persist(message);
        return Message.of(message);
    }

    private List<Message> messages(Session session, String channel) {
        return em.createQuery("select m from ChatMessage m where m.session = :session and m.channel = :channel"
                + " order by m.id", ChatMessage.class).setParameter("session", session).setParameter("channel", channel)
                .getResultList().stream().map(Message::of).toList();
    }

    private Participant participant(String code) {
        if (!ParticipantCode.isValid(code)) {
            throw new NotFoundException("There is no participant with the code " + code + ".");
        }
        return em.createQuery("select p from Participant p where p.code = :code", Participant.class)
                .setParameter("code", new ParticipantCode(code)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("There is no participant with the code " + code + "."));
    }

    private Session session(String code) {
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        return sessions.require(new SessionCode(code));
    }

    /**
     * One message as pages show it.
     *
     * @param fromExperimenter written by the experimenter (else by the participant named in nickname)
     * @param participantCode  the writer's code; null for the experimenter
     */
    public record Message(long id, String nickname, String body, long atEpochMillis, boolean fromExperimenter,
            String participantCode) {

        static Message of(ChatMessage m) {
            Participant p = m.getParticipant();
            return new Message(m.getId(), m.getNickname(), m.getBody(), m.getAtEpochMillis(), p == null,
                    p == null ? null : p.getCode().value());
        }
    }
}
