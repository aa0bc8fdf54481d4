package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.control.engine.runtime.Visits.waitPage;
import static org.arborlab.control.engine.runtime.Visits.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Wait pages: a group's and a round's, released by the last to arrive, whose hook runs exactly once. */
class WaitPagesTest {

    /** Groups of 2: Start, the group's wait page, Middle, the round's wait page, End. */
    static class Waits extends App<Waits.Player, Waits.Group, Waits.Subsession> {
        @Override
        public String name() {
            return "waits";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
            public Integer roundReleases = 0;
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            public Integer groupReleases = 0;
            public Integer playersSeen;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            public Boolean skipsGroupWait;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Start(), new GroupWait(), new Middle(), new RoundWait(), new End());
        }

        static class Start extends Page<Player> {
        }

        static class GroupWait extends WaitPage<Player, Group, Subsession> {
            @Override
            public boolean isDisplayed(Player player) {
                return !Boolean.TRUE.equals(player.skipsGroupWait);
            }

            @Override
            public void afterAllPlayersArrive(Group group) {
                group.groupReleases++;
                group.playersSeen = group.players().size();
            }
        }

        static class Middle extends Page<Player> {
        }

        static class RoundWait extends WaitPage<Player, Group, Subsession> {
            @Override
            public boolean waitForAllGroups() {
                return true;
            }

            @Override
            public void afterAllPlayersArrive(Subsession subsession) {
                subsession.roundReleases++;
            }
        }

        static class End extends Page<Player> {
        }
    }

    private static TestSession session() {
        TestSession s = TestSession.of(new Waits()).participants(4).start();
        for (int p = 1; p <= 4; p++) {
            open(s, p);
        }
        return s;
    }

    private static Waits.Group group(TestSession s, int participant) {
        return (Waits.Group) s.scope().player(s.participants().get(participant - 1), "waits", 1).group();
    }

    @Test
    void theGroupMovesOnWhenItsLastPlayerArrives() {
        TestSession s = session();
        WaitView first = waitPage(submit(s, 1, Map.of()));
        assertEquals("GroupWait", first.pageName());
        assertEquals(1, first.arrived());
        assertEquals(2, first.expected());
        assertEquals("GroupWait", where(open(s, 1)), "a visit again changes nothing");
        assertEquals(0, group(s, 1).groupReleases);

        assertEquals("Middle", where(submit(s, 2, Map.of())), "the last to arrive goes on at once");
        assertEquals(1, group(s, 1).groupReleases);
        assertEquals(2, group(s, 1).playersSeen);
        assertEquals("Middle", where(open(s, 1)), "the one who waited goes on too");
        assertEquals(1, group(s, 1).groupReleases, "exactly once");
        assertEquals(0, group(s, 3).groupReleases, "the other group is still on Start");
        assertTrue(s.events().contains(new WaitPageReleased(Set.of(s.code(1)))), "P1's browser is told to move on");
    }

    @Test
    void theRoundsWaitPageWaitsForEveryGroupAndItsHookRunsOnce() {
        TestSession s = session();
        for (int p = 1; p <= 4; p++) {
            submit(s, p, Map.of());
        }
        for (int p = 1; p <= 3; p++) {
            assertEquals("Middle", where(open(s, p)));
            WaitView waiting = waitPage(submit(s, p, Map.of()));
            assertEquals("RoundWait", waiting.pageName());
            assertEquals(p, waiting.arrived());
            assertEquals(4, waiting.expected());
        }
        Waits.Subsession round = (Waits.Subsession) s.scope().player(s.participants().get(0), "waits", 1).subsession();
        assertEquals(0, round.roundReleases);
        assertEquals("End", where(submit(s, 4, Map.of())));
        for (int p = 1; p <= 4; p++) {
            assertEquals("End", where(open(s, p)), "P" + p);
        }
        round = (Waits.Subsession) s.scope().player(s.participants().get(0), "waits", 1).subsession();
        assertEquals(1, round.roundReleases);
        long waitCompletions = s.storage().all(org.arborlab.entity.PageCompletion.class).stream()
                .filter(c -> c.getPageName().equals("RoundWait")).count();
        assertEquals(4, waitCompletions, "one page time per participant");
    }

    @Test
    void aPlayerWhoIsNotShownTheWaitPagePassesAndCountsAsArrived() {
        TestSession s = session();
        // what a hook would have stored: the scope writes it back
        ModelScope scope = s.scope();
        ((Waits.Player) scope.player(s.participants().get(1), "waits", 1)).skipsGroupWait = true;
        scope.writeBack();

        assertEquals("Middle", where(submit(s, 2, Map.of())), "P2 does not wait");
        assertEquals("Middle", where(submit(s, 1, Map.of())), "P1 finds P2 arrived");
        assertEquals(1, group(s, 1).groupReleases);
    }

    @Test
    void aReleasedWaitPageRedirectsAVisitFromAStaleTab() {
        TestSession s = session();
        submit(s, 1, Map.of());
        submit(s, 2, Map.of());
        int waitIndex = 2;
        Outcome stale = s.play().show(s.code(1), waitIndex);
        assertInstanceOf(Outcome.Redirect.class, stale);
        assertEquals("Middle", where(Visits.follow(s, s.code(1), stale)));
        assertEquals(1, group(s, 1).groupReleases);
    }
}
