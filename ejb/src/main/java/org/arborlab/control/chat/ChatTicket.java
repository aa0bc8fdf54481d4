package org.arborlab.control.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a page's chat may do, signed by the server when it renders the page: who writes (the participant), where
 * (the full channel) and under which nickname. The browser only hands it back; a ticket whose signature does not
 * match is refused, so a participant can neither choose another channel nor write under another name.
 *
 * <p>Its text is {@code base64url(participant code \n channel \n nickname) "." signature}, the signature an
 * HMAC of the server's secret ({@code sign}).
 */
public record ChatTicket(String participantCode, String channel, String nickname) {
    private static final String VERSION = "c1";

    /** The ticket as the page carries it. */
    public String encode(UnaryOperator<String> sign) {
        String payload = VERSION + "\n" + participantCode + "\n" + channel + "\n" + nickname;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + sign.apply(payload);
    }

    /** The ticket a page sent back, if its signature is the server's; empty for anything else. */
    public static Optional<ChatTicket> decode(String text, UnaryOperator<String> sign) {
        if (text == null || text.length() > 2000) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(text.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        byte[] expected = sign.apply(payload).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, text.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        return Optional.of(new ChatTicket(parts[1], parts[2], parts[3]));
    }

    /**
     * The name of the channel's push channel: derived from the channel with the secret, so a browser cannot
     * listen to a channel it was not given.
     */
    public static String liveKey(String channel, UnaryOperator<String> sign) {
        return sign.apply("live\n" + channel).substring(0, 32);
    }
}
