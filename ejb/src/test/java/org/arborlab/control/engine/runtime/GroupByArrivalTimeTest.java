package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.control.engine.runtime.Visits.waitPage;
import static org.arborlab.control.engine.runtime.Visits.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.entity.Group;
import org.arborlab.entity.PageCompletion;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/**
 * Grouping by arrival time: groups form from whoever reaches the page first, in arrival order; the app's own
 * method may wait or form other groups; the groups hold for the later rounds; oTree's rules are checked at start.
 */
class GroupByArrivalTimeTest {

    /** A first app where participants arrive at different times: one page, Intro. */
    static class Intro extends App<Intro.Player, Intro.Group, Intro.Subsession> {
        @Override
        public String name() {
            return "intro";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Welcome());
        }

        static class Welcome extends Page<Player> {
        }
    }

    /** Groups of 2 by arrival, 2 rounds: Meet (grouping, every round or only in round 1), Play. */
    static class Meet extends App<Meet.Player, Meet.Group, Meet.Subsession> {
        private final boolean everyRound;

        Meet(boolean everyRound) {
            this.everyRound = everyRound;
        }

        @Override
        public String name() {
            return "meet";
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
            public Integer formed = 0;
            public Integer size;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new WaitPage<Player, Group, Subsession>("Meeting") {
                @Override
                public boolean groupByArrivalTime() {
                    return true;
                }

                @Override
                public boolean isDisplayed(Player player) {
                    return everyRound || player.roundNumber() == 1;
                }

                @Override
                public void afterAllPlayersArrive(Group group) {
                    group.formed++;
                    group.size = group.players().size();
                }
            }, new Play());
        }

        static class Play extends Page<Player> {
        }
    }

    /** Groups of 2, but after 60 s of waiting a player goes on alone (oTree's {@code waiting_too_long}). */
    static class Patient extends Meet {
        Patient() {
            super(true);
        }

        @Override
        public String name() {
            return "patient";
        }

        @Override
        public List<Player> groupByArrivalTimeMethod(Subsession subsession, List<Player> waiting) {
            if (waiting.size() >= 2) {
                return waiting.subList(0, 2);
            }
            for (Player p : waiting) {
                if (p.participant().timeOnPage().compareTo(Duration.ofSeconds(60)) > 0) {
                    return List.of(p);
                }
            }
            return null;
        }
    }

    private static TestSession session(App<?, ?, ?> app, int participants) {
        TestSession s = TestSession.of(new Intro(), app).participants(participants).start();
        for (int p = 1; p <= participants; p++) {
            assertEquals("Welcome", where(open(s, p)));
        }
        return s;
    }

    private static Player player(TestSession s, int participant, String app, int round) {
        return s.scope().playerEntity(s.participants().get(participant - 1), app, round);
    }

    /** Each group of a round as the participants' ids in session, by id in group; groups by id. */
    private static List<List<Integer>> groups(TestSession s, String app, int round) {
        Subsession subsession = s.storage().subsessions(s.session(), app, round, round).get(0);
        List<List<Integer>> matrix = new ArrayList<>();
        for (Group group : s.storage().groups(subsession)) {
            matrix.add(s.storage().players(group).stream().map(p -> p.getParticipant().getIdInSession()).toList());
        }
        return matrix;
    }

    @Test
    void theFirstTwoToArriveFormTheFirstGroupAndGoOnTogether() {
        TestSession s = session(new Meet(true), 4);
        assertEquals(List.of(List.of(1, 2, 3, 4)), groups(s, "meet", 1), "one group until people arrive");

        WaitView first = waitPage(submit(s, 3, Map.of()));
        assertEquals("Meeting", first.pageName());
        assertEquals(1, first.arrived());
        assertEquals("Meeting", where(open(s, 3)), "a visit again changes nothing");

        assertEquals("Play", where(submit(s, 1, Map.of())), "the second arrival completes a group");
        assertTrue(s.events().contains(new WaitPageReleased(Set.of(s.code(3)))), "P3's browser is told to move on");
        assertEquals("Play", where(open(s, 3)));
        Meet.Group group = (Meet.Group) s.scope().player(s.participants().get(2), "meet", 1).group();
        assertEquals(1, group.formed, "afterAllPlayersArrive ran once for the new group");
        assertEquals(2, group.size);
        assertEquals(1, player(s, 3, "meet", 1).getIdInGroup(), "ids in group follow arrival");
        assertEquals(2, player(s, 1, "meet", 1).getIdInGroup());
        assertEquals(List.of(List.of(2, 4), List.of(3, 1)), groups(s, "meet", 1),
                "the new group gets the next id; the first group keeps who has not arrived");

        waitPage(submit(s, 4, Map.of()));
        assertEquals("Play", where(submit(s, 2, Map.of())));
        assertEquals(List.of(List.of(3, 1), List.of(4, 2)), groups(s, "meet", 1), "the emptied first group is gone");
        assertEquals(List.of(List.of(3, 1), List.of(4, 2)), groups(s, "meet", 2), "later rounds get the groups too");
        long completions = s.storage().all(PageCompletion.class).stream()
                .filter(c -> c.getPageName().equals("Meeting") && c.isWaitPage()).count();
        assertEquals(4, completions, "one page time per participant");
    }

    @Test
    void aRoundThatShowsThePageAgainRegroupsByTheNewArrivalOrder() {
        TestSession s = session(new Meet(true), 4);
        for (int p : new int[] {1, 2, 3, 4}) {
            submit(s, p, Map.of());
        }
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), groups(s, "meet", 1));
        for (int p : new int[] {4, 1, 3, 2}) {
            submit(s, p, Map.of()); // Play of round 1, on to round 2's Meeting
        }
        for (int p = 1; p <= 4; p++) {
            assertEquals("Play", where(open(s, p)));
        }
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), groups(s, "meet", 1), "round 1 is left as it was");
        assertEquals(List.of(List.of(4, 1), List.of(3, 2)), groups(s, "meet", 2));
        Set<Integer> ids = new HashSet<>();
        Subsession round2 = s.storage().subsessions(s.session(), "meet", 2, 2).get(0);
        s.storage().groups(round2).forEach(g -> ids.add(g.getIdInSubsession()));
        assertEquals(Set.of(4, 5), ids, "new ids after round 1's");
    }

    @Test
    void groupsFromRoundOneHoldWhenTheLaterRoundsDoNotShowThePage() {
        TestSession s = session(new Meet(false), 4);
        for (int p : new int[] {2, 4, 1, 3}) {
            submit(s, p, Map.of());
        }
        for (int p = 1; p <= 4; p++) {
            assertEquals("Play", where(open(s, p)));
            assertEquals("Play", where(submit(s, p, Map.of())), "round 2 skips the grouping page");
        }
        assertEquals(List.of(List.of(2, 4), List.of(1, 3)), groups(s, "meet", 2));
    }

    @Test
    void aCustomMethodLetsAPlayerWhoWaitedTooLongGoOnAlone() {
        TestSession s = session(new Patient(), 3);
        for (int p = 1; p <= 3; p++) {
            submit(s, p, Map.of());
        }
        assertEquals("Play", where(open(s, 1)));
        assertEquals("Meeting", where(open(s, 3)), "P3 waits for a partner");
        s.clock().advance(Duration.ofSeconds(30));
        assertEquals("Meeting", where(open(s, 3)), "not yet too long");
        s.clock().advance(Duration.ofSeconds(31));
        assertEquals("Play", where(open(s, 3)), "waited over 60 s: a group of one");
        assertEquals(List.of(List.of(1, 2), List.of(3)), groups(s, "patient", 1));
        Meet.Group alone = (Meet.Group) s.scope().player(s.participants().get(2), "patient", 1).group();
        assertEquals(1, alone.size);
    }

    @Test
    void advancingTheSlowestOnTheArrivalPageIsAVisitThatGroupsOnlyWhenTheAppSaysSo() {
        TestSession s = session(new Patient(), 2);
        submit(s, 1, Map.of());
        int index = s.participants().get(0).getIndexInPages();
        assertTrue(!s.play().forceTimeout(s.code(1), index), "alone and not waiting too long: stays");
        assertEquals("Meeting", s.participants().get(0).getCurrentPageName());
        s.clock().advance(Duration.ofSeconds(61));
        assertTrue(s.play().forceTimeout(s.code(1), index), "waited too long: goes on alone");
        assertEquals(List.of(List.of(2), List.of(1)), groups(s, "patient", 1));
    }

    @Test
    void aWaitingBrowserNotSeenFor70SecondsIsLeftOut() {
        TestSession s = session(new Meet(true), 4);
        submit(s, 1, Map.of());
        s.clock().advance(Duration.ofSeconds(71));
        waitPage(submit(s, 2, Map.of()));
        assertEquals(List.of(List.of(1, 2, 3, 4)), groups(s, "meet", 1), "P1 was not seen lately: no group");
        assertEquals("Play", where(open(s, 1)), "P1's page reloads: seen again, and P2 waits too");
        assertEquals(List.of(List.of(3, 4), List.of(1, 2)), groups(s, "meet", 1));
    }

    @Test
    void aHundredArrivalsFormFiftyGroupsInArrivalOrder() {
        int n = 100;
        TestSession s = session(new Meet(true), n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add((i * 37) % n + 1); // a fixed arrival order that is not P1, P2, ...
        }
        for (int p : order) {
            submit(s, p, Map.of());
        }
        List<List<Integer>> expected = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            expected.add(List.of(order.get(i), order.get(i + 1)));
        }
        assertEquals(expected, groups(s, "meet", 1));
        assertEquals(expected, groups(s, "meet", 2));
        for (Participant participant : s.participants()) {
            assertEquals("meet", participant.getCurrentAppName());
            assertEquals("Play", participant.getCurrentPageName());
        }
    }

    /** Returns a player who is not waiting: the engine refuses it. */
    static class Cheating extends Meet {
        Cheating() {
            super(true);
        }

        @Override
        public String name() {
            return "cheating";
        }

        @Override
        public List<Player> groupByArrivalTimeMethod(Subsession subsession, List<Player> waiting) {
            return subsession.players().subList(0, 2);
        }
    }

    @Test
    void aMethodThatReturnsSomeoneWhoIsNotWaitingIsAnAppError() {
        TestSession s = session(new Cheating(), 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> submit(s, 2, Map.of()));
        assertTrue(e.getMessage().contains("groupByArrivalTimeMethod returned"), e.getMessage());
    }

    /** Grouping on the second page: not allowed. */
    static class Late extends Meet {
        Late() {
            super(true);
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Play(), groupByArrivalTime("Late", g -> { }));
        }
    }

    /** One group of everyone, and no method to say who forms a group. */
    static class NoSize extends Meet {
        NoSize() {
            super(true);
        }

        @Override
        public int playersPerGroup() {
            return 0;
        }
    }

    @Test
    void startUpRefusesGroupingThatIsNotOnTheFirstPageOrHasNoGroupSize() {
        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> TestSession.of(new Late()).participants(2).start());
        assertTrue(late.getMessage().contains("wait page Late groups by arrival time, so it must be the first page"
                + " of pages() (it is page 2)"), late.getMessage());
        IllegalStateException noSize = assertThrows(IllegalStateException.class,
                () -> TestSession.of(new NoSize()).participants(2).start());
        assertTrue(noSize.getMessage().contains("playersPerGroup() must be above 0, or the app must override"
                + " groupByArrivalTimeMethod"), noSize.getMessage());
    }
}
