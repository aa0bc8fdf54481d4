package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.FINISHED;
import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.control.engine.runtime.Visits.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.arborlab.entity.PageCompletion;
import org.arborlab.entity.Participant;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Field;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Page flow: pages not displayed are skipped, appAfterThisPage jumps to a later app, stale submissions only redirect. */
class PageFlowTest {

    /** Two rounds of: Welcome (player 1 in round 1 only), Choose (may jump to another app), Middle. */
    static class Flow extends App<Flow.Player, Flow.Group, Flow.Subsession> {
        @Override
        public String name() {
            return "flow";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        @Override
        public int numRounds() {
            return 2;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            @Field(blank = true)
            public String jumpTo;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Welcome(), new Choose(), new Middle());
        }

        static class Welcome extends Page<Player> {
            @Override
            public boolean isDisplayed(Player player) {
                return player.idInGroup() == 1 && player.roundNumber() == 1;
            }
        }

        static class Choose extends Page<Player> {
            Choose() {
                form("jumpTo");
            }

            @Override
            public String appAfterThisPage(Player player, List<String> upcomingApps) {
                return player.jumpTo;
            }
        }

        static class Middle extends Page<Player> {
        }
    }

    /** An app of one page, under any name. */
    static class OnePage extends App<OnePage.Player, OnePage.Group, OnePage.Subsession> {
        private final String name;

        OnePage(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Shown());
        }

        static class Shown extends Page<Player> {
        }
    }

    private static TestSession session() {
        return TestSession.of(new Flow(), new OnePage("between"), new OnePage("last")).participants(2).start();
    }

    @Test
    void pagesNotDisplayedAreSkipped() {
        TestSession s = session();
        assertEquals("Welcome", where(open(s, 1)));
        assertEquals("Choose", where(open(s, 2)), "Welcome is only for player 1");
        assertEquals("Choose", where(submit(s, 1, Map.of())));
        assertEquals("Middle", where(submit(s, 1, Map.of())));
        assertEquals("Choose", where(submit(s, 1, Map.of())), "round 2 has no Welcome for anyone");
        assertEquals(2, Visits.page(open(s, 1)).roundNumber());
        assertEquals("Middle", where(submit(s, 1, Map.of())));
        assertEquals("Shown", where(submit(s, 1, Map.of())));
        assertEquals("between", Visits.page(open(s, 1)).appName());
        assertEquals("Shown", where(submit(s, 1, Map.of())));
        assertEquals("last", Visits.page(open(s, 1)).appName());
        assertEquals(FINISHED, where(submit(s, 1, Map.of())));
        assertEquals(List.of("InitializeParticipant", "Welcome", "Choose", "Middle", "Choose", "Middle", "Shown",
                "Shown"), pageNames(s, 1));
    }

    @Test
    void appAfterThisPageSkipsToTheStartOfThatApp() {
        TestSession s = session();
        open(s, 2);
        Outcome next = submit(s, 2, Map.of("jumpTo", "last"));
        assertEquals("last", Visits.page(next).appName(), "flow's round 2 and the app between are skipped");
        assertEquals(FINISHED, where(submit(s, 2, Map.of())));
        assertEquals(List.of("InitializeParticipant", "Choose", "Shown"), pageNames(s, 2));
        assertEquals("last", s.storage().completions(participant(s, 2)).get(2).getAppName());
    }

    @Test
    void appAfterThisPageMustNameAnUpcomingApp() {
        TestSession s = session();
        open(s, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> submit(s, 2, Map.of("jumpTo", "flow")));
        assertTrue(e.getMessage().contains("\"flow\", which is not one of the upcoming apps [between, last]"),
                e.getMessage());
    }

    @Test
    void aPageSubmittedTwiceMovesTheParticipantOnOnce() {
        TestSession s = session();
        open(s, 1);
        int welcome = participant(s, 1).getIndexInPages();
        submit(s, 1, Map.of());
        Outcome again = s.play().submit(s.code(1), welcome, Map.of(), false);
        assertEquals(Links.page(s.code(1), "flow", "Choose", welcome + 1),
                assertInstanceOf(Outcome.Redirect.class, again).path());
        assertEquals(welcome + 1, participant(s, 1).getIndexInPages());
        assertEquals(1, pageNames(s, 1).stream().filter("Welcome"::equals).count());
    }

    @Test
    void aGetOfAnotherPageRedirectsToTheCurrentOne() {
        TestSession s = session();
        open(s, 1);
        Outcome ahead = s.play().show(s.code(1), 5);
        assertEquals(Links.page(s.code(1), "flow", "Welcome", 1), assertInstanceOf(Outcome.Redirect.class, ahead).path());
        assertEquals(404, assertInstanceOf(Outcome.Message.class, s.play().show("zzzzzzzz", 1)).status());
    }

    static Participant participant(TestSession s, int id) {
        return s.participants().get(id - 1);
    }

    static List<String> pageNames(TestSession s, int id) {
        return s.storage().completions(participant(s, id)).stream().map(PageCompletion::getPageName).toList();
    }
}
