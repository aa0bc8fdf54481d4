package org.arborlab.control.chat;

import java.util.regex.Pattern;
import org.arborlab.control.InvalidInputException;

/**
 * The rules of participants' chat (oTree's {@code {{ chat }}}), without a server: which channel a page's chat
 * belongs to, the nickname it writes under, and which bodies are accepted.
 *
 * <p>A channel is always prefixed with the session's code and the app's name, so it never reaches another
 * session or app. Without a declared channel it is the participant's group in the current round; a declared
 * channel ({@code channel="..."}: letters, digits, {@code _} and {@code -}) is shared by everyone of the session
 * and app whose page declares the same name. The group channel holds a dot, which a declared name cannot, so no
 * declared name ever lands in a group's channel.
 */
public final class ChatChannels {
    /** Longest message accepted. */
    public static final int MAX_BODY = 2000;
    /** Longest declared channel name. */
    public static final int MAX_DECLARED = 100;
    /** Longest nickname (the column holds 200). */
    public static final int MAX_NICKNAME = 100;
    /** The rate limit: at most this many messages of one participant ... */
    public static final int MAX_MESSAGES = 5;
    /** ... within this many milliseconds. */
    public static final long WINDOW_MILLIS = 10_000;

    private static final Pattern DECLARED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_DECLARED + "}");

    private ChatChannels() {
    }

    /**
     * The full channel of a page's chat.
     *
     * @param declared the template's {@code channel} option, or null/blank for the group
     * @throws IllegalArgumentException if the declared name has other characters (a template mistake)
     */
    public static String channel(String sessionCode, String appName, String declared, int roundNumber,
            int groupIdInSubsession) {
        String prefix = sessionCode + "-" + appName + "-";
        if (declared == null || declared.isBlank()) {
            return prefix + "round" + roundNumber + ".group" + groupIdInSubsession;
        }
        if (!DECLARED.matcher(declared).matches()) {
            throw new IllegalArgumentException("The chat's channel \"" + declared + "\" may hold only letters, digits,"
                    + " _ and - (at most " + MAX_DECLARED + " characters).");
        }
        return prefix + declared;
    }

    /**
     * The nickname a page's chat writes under: the template's {@code nickname} option (one line), or
     * "Participant {id in group}".
     *
     * @throws IllegalArgumentException if the declared nickname is too long (a template mistake)
     */
    public static String nickname(String declared, int idInGroup) {
        if (declared == null || declared.isBlank()) {
            return "Participant " + idInGroup;
        }
        String name = declared.strip().replaceAll("\\s+", " ");
        if (name.length() > MAX_NICKNAME) {
            throw new IllegalArgumentException("The chat's nickname may have at most " + MAX_NICKNAME
                    + " characters: " + name);
        }
        return name;
    }

    /**
     * The text stored for a message: stripped, not empty, at most {@link #MAX_BODY} characters.
     *
     * @throws InvalidInputException with the message the participant sees
     */
    public static String body(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("The message is empty.");
        }
        if (text.codePointCount(0, text.length()) > MAX_BODY) {
            throw new InvalidInputException("The message is too long (at most " + MAX_BODY + " characters).");
        }
        return text;
    }

    /**
     * Whether a participant who wrote {@code recent} messages within the last {@link #WINDOW_MILLIS} may write
     * another.
     */
    public static boolean mayWrite(long recent) {
        return recent < MAX_MESSAGES;
    }
}
