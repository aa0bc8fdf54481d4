package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Live pages in the runtime: who gets the live method's answers, what is saved, and what bad input changes. */
class LivePagesTest {

    /** Groups of 3: Intro, Trade (live), End. */
    static class Market extends App<Market.Player, Market.Group, Market.Subsession> {
        @Override
        public String name() {
            return "market";
        }

        @Override
        public int playersPerGroup() {
            return 3;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            public Integer messages = 0;
            public Integer highestBid;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            public Integer bid;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Intro(), new Trade(), new End());
        }

        static class Intro extends Page<Player> {
        }

        static class Trade extends Page<Player> {
            @Override
            public Map<Integer, ?> liveMethod(Player player, JsonValue data) {
                JsonObject message = data.asJsonObject();
                if (message.containsKey("silent")) {
                    player.bid = message.getInt("silent");
                    return null;
                }
                if (message.containsKey("to")) {
                    return Map.of(message.getInt("to"), "just you");
                }
                player.bid = message.getInt("bid");
                Group group = player.group();
                group.messages++;
                group.highestBid = group.players().stream().filter(p -> p.bid != null).mapToInt(p -> p.bid).max()
                        .orElseThrow();
                return Map.of(0, Map.of("highest", group.highestBid, "messages", group.messages),
                        player.idInGroup(), Map.of("yourBid", player.bid, "paid", Currency.cu(2)));
            }
        }

        static class End extends Page<Player> {
        }
    }

    private static TestSession sixOnTrade() {
        TestSession session = TestSession.of(new Market()).participants(6).start();
        for (int p = 1; p <= 6; p++) {
            open(session, p);
            submit(session, p, Map.of());
        }
        return session;
    }

    private static JsonValue json(String text) {
        return org.arborlab.entity.Jsonp.createReader(new java.io.StringReader(text)).readValue();
    }

    private static int index(TestSession session, int participant) {
        return session.participants().get(participant - 1).getIndexInPages();
    }

    private static Market.Player player(TestSession session, int participant) {
        return (Market.Player) session.scope().player(session.participants().get(participant - 1), "market", 1);
    }

    @Test
    void answersGoByIdInGroupWithZeroForTheRestAndNeverToAnotherGroup() {
        TestSession session = sixOnTrade();
        LiveResult result = session.play().live(session.code(2), index(session, 2), "{\"bid\": 7}");
        assertEquals(LiveResult.Status.DELIVERED, result.status(), result.message());
        assertEquals(Set.of(session.code(1), session.code(2), session.code(3)), result.deliveries().keySet());
        assertEquals(json("{\"yourBid\":7,\"paid\":2}"), result.to(session.code(2)));
        assertEquals(json("{\"highest\":7,\"messages\":1}"), result.to(session.code(1)));
        assertEquals(json("{\"highest\":7,\"messages\":1}"), result.to(session.code(3)));
        // saved: the sender's player and the group
        assertEquals(7, player(session, 2).bid);
        assertEquals(1, player(session, 1).group().messages);
        assertEquals(7, player(session, 3).group().highestBid);
        // the other group saw nothing
        assertEquals(0, player(session, 4).group().messages);
        assertNull(player(session, 4).group().highestBid);

        LiveResult other = session.play().live(session.code(5), index(session, 5), "{\"bid\": 3}");
        assertEquals(Set.of(session.code(4), session.code(5), session.code(6)), other.deliveries().keySet());
        assertEquals(json("{\"highest\":3,\"messages\":1}"), other.to(session.code(4)));
        assertEquals(7, player(session, 1).group().highestBid, "the first group is untouched");
    }

    @Test
    void onlyPlayersOnThatPageGetAnswers() {
        TestSession session = TestSession.of(new Market()).participants(3).start();
        for (int p = 1; p <= 3; p++) {
            open(session, p);
        }
        submit(session, 1, Map.of());
        submit(session, 2, Map.of());
        // P3 is still on Intro
        LiveResult result = session.play().live(session.code(1), index(session, 1), "{\"bid\": 4}");
        assertEquals(Set.of(session.code(1), session.code(2)), result.deliveries().keySet());
        submit(session, 2, Map.of());
        result = session.play().live(session.code(1), index(session, 1), "{\"bid\": 5}");
        assertEquals(Set.of(session.code(1)), result.deliveries().keySet(), "P2 has moved on to End");
    }

    @Test
    void aMessageFromAPageLeftIsIgnoredAndRunsNothing() {
        TestSession session = sixOnTrade();
        int tradeIndex = index(session, 1);
        submit(session, 1, Map.of());
        LiveResult result = session.play().live(session.code(1), tradeIndex, "{\"bid\": 9}");
        assertEquals(LiveResult.Status.IGNORED, result.status());
        assertTrue(result.message().contains("not on page " + tradeIndex), result.message());
        assertTrue(result.deliveries().isEmpty());
        assertNull(player(session, 1).bid);
        assertEquals(0, player(session, 2).group().messages);
        // a page without a live method, and an unknown participant, are ignored too
        LiveResult intro = session.play().live(session.code(2), 1, "{\"bid\": 9}");
        assertEquals(LiveResult.Status.IGNORED, intro.status());
        LiveResult unknown = session.play().live("zzzzzzzz", tradeIndex, "{\"bid\": 9}");
        assertEquals(LiveResult.Status.IGNORED, unknown.status());
    }

    @Test
    void tooLargeOrNotJsonIsRefusedAndStoresNothing() {
        TestSession session = sixOnTrade();
        int trade = index(session, 1);
        String big = "{\"bid\": 1, \"pad\": \"" + "x".repeat(Play.LIVE_MAX_BYTES) + "\"}";
        LiveResult result = session.play().live(session.code(1), trade, big);
        assertEquals(LiveResult.Status.REFUSED, result.status());
        assertTrue(result.message().startsWith("A live message may have at most 16384 bytes; this one has "
                + big.length()), result.message());
        // multi-byte characters count as the bytes they take
        String wide = "\"" + "é".repeat(Play.LIVE_MAX_BYTES / 2 + 1) + "\"";
        assertEquals(LiveResult.Status.REFUSED, session.play().live(session.code(1), trade, wide).status());
        LiveResult garbage = session.play().live(session.code(1), trade, "{bid: 1");
        assertEquals(LiveResult.Status.REFUSED, garbage.status());
        assertTrue(garbage.message().startsWith("A live message must be JSON"), garbage.message());
        assertNull(player(session, 1).bid);
        assertEquals(0, player(session, 1).group().messages);
    }

    @Test
    void noAnswerStillSavesAndAnAnswerForAnotherGroupsIdIsAnAppError() {
        TestSession session = sixOnTrade();
        int trade = index(session, 1);
        LiveResult silent = session.play().live(session.code(1), trade, "{\"silent\": 3}");
        assertEquals(LiveResult.Status.DELIVERED, silent.status());
        assertTrue(silent.deliveries().isEmpty());
        assertEquals(3, player(session, 1).bid);

        LiveResult justOne = session.play().live(session.code(1), trade, "{\"to\": 3}");
        assertEquals(Map.of(session.code(3), (JsonValue) org.arborlab.entity.Jsonp.createValue("just you")),
                justOne.deliveries());

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> session.play().live(session.code(1), trade, "{\"to\": 4}"));
        assertEquals("liveMethod of page Trade returned an answer for id in group 4, but the group's players are "
                + "[1, 2, 3] (0 means every player without an answer of their own)", error.getMessage());
    }

    @Test
    void pagesWithALiveMethodSayTheirChannel() {
        TestSession session = TestSession.of(new Market()).participants(3).start();
        Outcome intro = open(session, 1);
        assertFalse(assertInstanceOf(Outcome.ShowPage.class, intro).view().live());
        Outcome trade = submit(session, 1, Map.of());
        PageView view = assertInstanceOf(Outcome.ShowPage.class, trade).view();
        assertTrue(view.live());
        assertEquals("/live/page/" + session.code(1) + "/2", view.livePath());
        assertTrue(new Market.Trade().hasLiveMethod());
        assertFalse(new Market.End().hasLiveMethod());
    }

    @Test
    void rateLimitAllowsBurstsThenTheAverage() {
        LiveRateLimit limit = new LiveRateLimit(10, 20);
        for (int i = 0; i < 20; i++) {
            assertTrue(limit.allow("a", 1_000), "message " + i + " of the burst");
        }
        assertFalse(limit.allow("a", 1_000));
        assertTrue(limit.allow("b", 1_000), "every participant has their own allowance");
        assertTrue(limit.allow("a", 1_100), "100 ms later: one more");
        assertFalse(limit.allow("a", 1_100));
        assertEquals("Too many live messages: at most 10 a second (20 at once).", limit.refusal());
    }

    @Test
    void liveJsonTakesPlainJavaAndRefusesObjects() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("a", java.util.Arrays.asList(1, 2.5, "x", true, null));
        map.put("c", Currency.cu(3));
        assertEquals("{\"a\":[1,2.5,\"x\",true,null],\"c\":3}", LiveJson.toJson(map).toString());
        assertEquals("12.50", LiveJson.toJson(new BigDecimal("12.50")).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveJson.toJson(new Object()));
        assertTrue(e.getMessage().endsWith("not a java.lang.Object"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiveJson.toJson(Double.NaN));
    }

    /** Bots send live messages from their page and check the answer; a wrong answer names the page. */
    @Test
    void botsSendLiveMessagesAndCheckTheAnswer() {
        Market good = new Market() {
            @Override
            public org.arborlab.spi.Bot<Player> bot() {
                return round -> {
                    round.submit(Intro.class);
                    round.live(Trade.class, Map.of("bid", round.player().idInGroup()),
                            received -> assertEquals(round.player().idInGroup(),
                                    received.asJsonObject().getInt("yourBid")));
                    round.check(player -> assertEquals(player.idInGroup(), player.bid));
                    round.submit(Trade.class);
                    round.submit(End.class);
                };
            }
        };
        TestSession session = TestSession.of(good).participants(3).start();
        session.playBots();
        assertEquals(3, player(session, 1).group().messages);

        Market wrong = new Market() {
            @Override
            public org.arborlab.spi.Bot<Player> bot() {
                return round -> {
                    round.submit(Intro.class);
                    round.live(Trade.class, Map.of("bid", 5),
                            received -> assertEquals(6, received.asJsonObject().getInt("yourBid")));
                    round.submit(Trade.class);
                    round.submit(End.class);
                };
            }
        };
        AssertionError error = assertThrows(AssertionError.class,
                () -> TestSession.of(wrong).participants(3).start().playBots());
        assertTrue(error.getMessage().contains("failed on market/1/Trade/2: the answer to the live message "
                + "{\"bid\":5} on page Trade failed the bot's check: expected: <6> but was: <5>"), error.getMessage());
    }
}
