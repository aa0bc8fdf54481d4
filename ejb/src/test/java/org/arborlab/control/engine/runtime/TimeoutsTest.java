package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.errors;
import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.control.engine.runtime.Visits.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.arborlab.entity.PageCompletion;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Field;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Page timeouts, driven by the test's clock: timeout_seconds, timeout_happened, before_next_page on a timeout. */
class TimeoutsTest {

    /** A 60-second page with two required fields, then the end. */
    static class Timed extends App<Timed.Player, Timed.Group, Timed.Subsession> {
        @Override
        public String name() {
            return "timed";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            @Field(min = "0", max = "10")
            public Integer offer;
            public String reason;
            public Boolean timedOut;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Decide(), new Done());
        }

        static class Decide extends Page<Player> {
            Decide() {
                form("offer", "reason");
                timeout(60);
            }

            @Override
            public void beforeNextPage(Player player, boolean timeoutHappened) {
                player.timedOut = timeoutHappened;
            }
        }

        static class Done extends Page<Player> {
        }
    }

    private static TestSession session() {
        TestSession s = TestSession.of(new Timed()).participants(1).start();
        assertEquals(60L, Visits.page(open(s, 1)).secondsLeft());
        return s;
    }

    private static Timed.Player player(TestSession s) {
        return (Timed.Player) s.scope().player(s.participants().get(0), "timed", 1);
    }

    private static PageCompletion decided(TestSession s) {
        return s.storage().completions(s.participants().get(0)).stream()
                .filter(c -> c.getPageName().equals("Decide")).findFirst().orElseThrow();
    }

    @Test
    void theCountdownFollowsTheClockAndSurvivesAReload() {
        TestSession s = session();
        s.clock().advance(Duration.ofMillis(20_500));
        assertEquals(40L, Visits.page(open(s, 1)).secondsLeft(), "39.5 seconds left, rounded up");
        s.clock().advance(Duration.ofSeconds(39));
        assertEquals(1L, Visits.page(open(s, 1)).secondsLeft(), "the deadline was set once, on the first visit");
        s.clock().advance(Duration.ofMillis(500));
        assertEquals("Done", where(open(s, 1)), "a reload after the time ran out submits the page");
    }

    @Test
    void aSubmissionInTimeIsCheckedAsUsual() {
        TestSession s = session();
        s.clock().advance(Duration.ofSeconds(59));
        assertEquals("This field is required.", errors(submit(s, 1, Map.of("offer", "3"))).get("reason"));
        assertEquals("Done", where(submit(s, 1, Map.of("offer", "3", "reason", "fair"))));
        assertEquals(Boolean.FALSE, player(s).timedOut);
        assertFalse(decided(s).isTimeoutHappened());
    }

    @Test
    void whenTheTimeRunsOutTheValidValuesAreKeptAndBeforeNextPageIsTold() {
        TestSession s = session();
        s.clock().advance(Duration.ofSeconds(60));
        assertEquals("Done", where(submit(s, 1, Map.of("offer", "11", "reason", "late"), true)));
        Timed.Player p = player(s);
        assertNull(p.offer, "11 is over the maximum: left out, as in oTree");
        assertEquals("late", p.reason);
        assertEquals(Boolean.TRUE, p.timedOut);
        assertTrue(decided(s).isTimeoutHappened());
    }

    @Test
    void theBrowsersTimeoutIsBelievedOnlyWithinTheGrace() {
        TestSession s = session();
        s.clock().advance(Duration.ofMillis(60_000 - Play.TIMEOUT_GRACE_MS - 1_000));
        assertEquals("Decide", where(submit(s, 1, Map.of(), true)), "a second early: an ordinary submission");
        s.clock().advance(Duration.ofMillis(1_000));
        assertEquals("Done", where(submit(s, 1, Map.of(), true)), "within the grace: a timeout");
        assertEquals(Boolean.TRUE, player(s).timedOut);
    }

    @Test
    void aReturnAfterTheDeadlineSubmitsThePageWithTimeoutHappened() {
        TestSession s = session();
        s.clock().advance(Duration.ofMinutes(5));
        assertEquals("Done", where(open(s, 1)));
        assertEquals(Boolean.TRUE, player(s).timedOut);
        assertEquals(s.clock().millis(), decided(s).getEpochMillisCompleted());
    }

    @Test
    void theAdminsAdvanceTimesThePageOutNow() {
        TestSession s = session();
        int index = s.participants().get(0).getIndexInPages();
        assertTrue(s.play().forceTimeout(s.code(1), index));
        assertFalse(s.play().forceTimeout(s.code(1), index), "the participant has moved on since");
        assertEquals("Done", where(open(s, 1)));
        assertEquals(Boolean.TRUE, player(s).timedOut);
    }
}
