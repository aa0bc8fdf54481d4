package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One chat message of a session's channel: written by a participant (who is then set) or by the experimenter
 * (participant null). The experimenter's conversation with one participant is the channel
 * {@code experimenter-<participant code>}; participants' own chat channels (oTree's {@code {{ chat }}}) use the
 * channel name of the page. Never changed once written.
 */
@Entity
@Table(name = "arbor_chat_message")
public class ChatMessage extends Identified {
    public static final int CHANNEL_LENGTH = 255;
    public static final int NICKNAME_LENGTH = 200;
    public static final int BODY_LENGTH = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @Column(name = "channel", length = CHANNEL_LENGTH, nullable = false)
    private String channel;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "participant_id")
    private Participant participant;

    @Column(name = "nickname", length = NICKNAME_LENGTH, nullable = false)
    private String nickname;

    @Column(name = "body", length = BODY_LENGTH, nullable = false)
    private String body;

    @Column(name = "at_epoch_ms", nullable = false)
    private long atEpochMillis;

    protected ChatMessage() {
        // for JPA
    }

    public ChatMessage(Session session, String channel, Participant participant, String nickname, String body,
            long atEpochMillis) {
        this.session = Objects.requireNonNull(session);
        this.channel = Objects.requireNonNull(channel);
        this.participant = participant;
        this.nickname = Objects.requireNonNull(nickname);
        this.body = Objects.requireNonNull(body);
        this.atEpochMillis = atEpochMillis;
    }

    public Session getSession() {
        return session;
    }

    public String getChannel() {
        return channel;
    }

    /** The participant who wrote it; null for the experimenter. */
    public Participant getParticipant() {
        return participant;
    }

    public String getNickname() {
        return nickname;
    }

    public String getBody() {
        return body;
    }

    public long getAtEpochMillis() {
        return atEpochMillis;
    }
}
