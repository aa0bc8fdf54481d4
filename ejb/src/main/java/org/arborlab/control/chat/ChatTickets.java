package org.arborlab.control.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.arborlab.control.engine.features.RoomUrlSecret;

/** Signs and reads {@link ChatTicket}s with the server's secret (the same on every instance). */
@ApplicationScoped
public class ChatTickets {

    @Inject
    RoomUrlSecret secret;

    /** The ticket and push key of a chat on a participant's page. */
    public Issued issue(String participantCode, String sessionCode, String appName, String declaredChannel,
            String declaredNickname, int roundNumber, int groupIdInSubsession, int idInGroup) {
        String channel = ChatChannels.channel(sessionCode, appName, declaredChannel, roundNumber, groupIdInSubsession);
        ChatTicket ticket = new ChatTicket(participantCode, channel,
                ChatChannels.nickname(declaredNickname, idInGroup));
        return new Issued(ticket.encode(secret::sign), liveKey(channel), ticket.nickname());
    }

    public Optional<ChatTicket> read(String text) {
        return ChatTicket.decode(text, secret::sign);
    }

    public String liveKey(String channel) {
        return ChatTicket.liveKey(channel, secret::sign);
    }

    /** What the page's chat carries: the signed ticket, the push key and the nickname it writes under. */
    public record Issued(String ticket, String liveKey, String nickname) {
    }
}
