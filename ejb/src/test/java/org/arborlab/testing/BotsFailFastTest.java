package org.arborlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.arborlab.entity.Participant;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Bot;
import org.arborlab.spi.Expect;
import org.arborlab.spi.Field;
import org.arborlab.spi.FormModel;
import org.arborlab.spi.Page;
import org.junit.jupiter.api.Test;

/** A bot that fails ends the run at once, and the failure names the bot, its participant and the page. */
class BotsFailFastTest {

    /** Player 2 offers while player 1 waits for the offer (its bot goes first); then both see the result. */
    static class Offer extends App<Offer.Player, Offer.Group, Offer.Subsession> {
        private final Bot<Player> bot;

        Offer(Bot<Player> bot) {
            this.bot = bot;
        }

        @Override
        public String name() {
            return "offer";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            @Field(min = "0", max = "10")
            public Integer amount;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Propose(), waitPage("OfferWaitPage"), new Result());
        }

        static class Propose extends Page<Player> {
            Propose() {
                form(FormModel.GROUP, "amount");
            }

            @Override
            public boolean isDisplayed(Player player) {
                return player.idInGroup() == 2;
            }
        }

        static class Result extends Page<Player> {
        }

        @Override
        public Bot<Player> bot() {
            return bot;
        }
    }

    @Test
    void aRefusedSubmissionEndsTheRunNamingBotParticipantAndPage() {
        TestSession session = TestSession.of(new Offer(round -> {
            if (round.player().idInGroup() == 2) {
                round.submit(Offer.Propose.class, Map.of("amount", 11));
            }
            round.submit(Offer.Result.class);
        })).participants(2).start();
        String message = assertThrows(AssertionError.class, session::playBots).getMessage();
        assertEquals("Bot P2 (" + session.code(2) + ") failed on offer/1/Propose/1: page Propose refused the bot's"
                + " values: amount: Ensure this value is less than or equal to 10.", message);
        Participant partner = session.participants().get(0);
        assertEquals(2, partner.getIndexInPages(), "P1 is left on the wait page: the run did not wait for it");
    }

    @Test
    void aFailedCheckEndsTheRunNamingBotParticipantAndPage() {
        TestSession session = TestSession.of(new Offer(round -> {
            if (round.player().idInGroup() == 2) {
                round.submit(Offer.Propose.class, Map.of("amount", 4));
            }
            round.check(player -> Expect.equal(player.group().amount, 5));
            round.submit(Offer.Result.class);
        })).participants(2).start();
        String message = assertThrows(AssertionError.class, session::playBots).getMessage();
        assertTrue(message.startsWith("Bot P"), message);
        assertTrue(message.contains("failed on offer/1/Result/3: check failed in offer, round 1: expected 5 but was 4"),
                message);
        int failed = message.startsWith("Bot P1") ? 1 : 2;
        assertTrue(message.contains("(" + session.code(failed) + ")"), message);
    }

    @Test
    void aBotThatExpectsAnotherPageEndsTheRun() {
        TestSession session = TestSession.of(new Offer(round -> round.submit(Offer.Result.class)))
                .participants(2).start();
        String message = assertThrows(AssertionError.class, session::playBots).getMessage();
        assertEquals("Bot P2 (" + session.code(2) + ") failed on offer/1/Propose/1: the bot expected page Result but"
                + " the server showed Propose (offer, round 1)", message);
    }

    @Test
    void aBotThatChatsOnAPageWithoutAChatEndsTheRun() {
        TestSession session = TestSession.of(new Offer(round -> {
            if (round.player().idInGroup() == 2) {
                round.chat(Offer.Propose.class, "hello");
                round.submit(Offer.Propose.class, Map.of("amount", 4));
            }
            round.submit(Offer.Result.class);
        })).participants(2).start();
        String message = assertThrows(AssertionError.class, session::playBots).getMessage();
        assertEquals("Bot P2 (" + session.code(2) + ") failed on offer/1/Propose/1: page Propose has no chat"
                + " (<arbor:chat/>), but the bot writes in it", message);
        assertTrue(session.chat().isEmpty());
    }
}
