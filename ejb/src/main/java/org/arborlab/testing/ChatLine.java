package org.arborlab.testing;

/**
 * A chat message a bot wrote in a {@link TestSession} ({@code round.chat(Page.class, "...")}).
 *
 * @param idInSession the writer (1 = P1)
 * @param page        the page's marker, "app/round/page/index"
 * @param channel     the full channel, as the server names it (session code, app, then the group or the
 *                    template's {@code channel})
 * @param nickname    the name it was written under
 */
public record ChatLine(int idInSession, String page, String channel, String nickname, String body) {
}
