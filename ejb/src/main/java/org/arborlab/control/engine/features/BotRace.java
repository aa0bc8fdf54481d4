package org.arborlab.control.engine.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The end of a bot run over HTTP, in plain Java: the bots play at once, and the first that fails ends the run:
 * its partners are stopped (interrupted) instead of waiting for it on a wait page until the run's time is up.
 */
final class BotRace {

    private BotRace() {
    }

    /**
     * Waits for the bots until all finished, one failed, or the deadline passed; stops the ones still playing.
     *
     * @param done     where the bots' futures complete, each with its index
     * @param bots     the bots' futures, in participant order
     * @param names    the bots' names for the report ("P1 (code)"), in the same order
     * @param deadline when the run's time is up (epoch millis)
     * @return one line per bot that failed or was stopped; empty if all finished
     */
    static List<String> finish(CompletionService<Integer> done, List<Future<Integer>> bots, List<String> names,
            long deadline, Duration timeout) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        String stoppedBy = null;
        for (int finished = 0; finished < bots.size() && stoppedBy == null; finished++) {
            Future<Integer> next = done.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (next == null) {
                stoppedBy = "";
                break;
            }
            try {
                next.get();
            } catch (ExecutionException e) {
                stoppedBy = names.get(bots.indexOf(next));
                Throwable cause = e.getCause();
                failures.add(stoppedBy + ": " + (cause instanceof BotFailure ? cause.getMessage() : cause.toString()));
            }
        }
        for (int i = 0; i < bots.size(); i++) {
            if (!bots.get(i).isDone()) {
                bots.get(i).cancel(true);
                failures.add(names.get(i) + (stoppedBy == null || stoppedBy.isEmpty()
                        ? ": did not finish within " + timeout : ": stopped, because " + stoppedBy + " failed"));
            }
        }
        return failures;
    }
}
