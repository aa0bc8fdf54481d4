package org.arborlab.control.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Over HTTP, the first bot that fails ends the run at once: its partners are stopped, not left waiting. */
class BotRaceTest {

    @Test
    void theFirstFailureStopsTheOthersAndTheReportNamesIt() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch never = new CountDownLatch(1);
            CountDownLatch partnersPlaying = new CountDownLatch(2);
            CountDownLatch partnersStopped = new CountDownLatch(2);
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(executor);
            List<Future<Integer>> bots = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int bot = i;
                bots.add(done.submit(() -> {
                    if (bot == 1) {
                        partnersPlaying.await(); // both partners are on their way when this bot fails
                        throw new BotFailure("page Send refused the bot's values: sentAmount: Ensure this value is"
                                + " less than or equal to 10.");
                    }
                    partnersPlaying.countDown();
                    try {
                        never.await(); // on a wait page, for the failed bot
                    } catch (InterruptedException e) {
                        partnersStopped.countDown();
                        throw new BotFailure("interrupted");
                    }
                    return bot;
                }));
            }
            long start = System.currentTimeMillis();
            Duration limit = Duration.ofMinutes(10);
            List<String> failures = BotRace.finish(done, bots, List.of("P1 (aaaa1111)", "P2 (bbbb2222)",
                    "P3 (cccc3333)"), start + limit.toMillis(), limit);
            long millis = System.currentTimeMillis() - start;

            assertEquals(List.of("P2 (bbbb2222): page Send refused the bot's values: sentAmount: Ensure this value is"
                    + " less than or equal to 10.", "P1 (aaaa1111): stopped, because P2 (bbbb2222) failed",
                    "P3 (cccc3333): stopped, because P2 (bbbb2222) failed"), failures);
            assertTrue(millis < 5_000, "the run ended after " + millis + " ms, not at its 10-minute limit");
            assertTrue(partnersStopped.await(5, TimeUnit.SECONDS), "the partners' threads were interrupted");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRunWhereEveryBotFinishesHasNoFailures() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(executor);
            List<Future<Integer>> bots = List.of(done.submit(() -> 0), done.submit(() -> 1));
            assertEquals(List.of(), BotRace.finish(done, bots, List.of("P1 (a)", "P2 (b)"),
                    System.currentTimeMillis() + 60_000, Duration.ofMinutes(1)));
        } finally {
            executor.shutdownNow();
        }
    }
}
