package org.arborlab.spi;

/**
 * A page where players wait until everyone in their group (or, with {@link #waitForAllGroups()}, everyone in the
 * round) has arrived (oTree's {@code WaitPage}). The last to arrive runs {@code afterAllPlayersArrive} once;
 * then everyone moves on together.
 *
 * <pre>{@code
 * static class ResultsWaitPage extends WaitPage<Player, Group, Subsession> {
 *     @Override
 *     public void afterAllPlayersArrive(Group group) {
 *         group.setPayoffs();
 *     }
 * }
 * }</pre>
 */
public class WaitPage<P extends BasePlayer<G, S>, G extends BaseGroup<P, S>, S extends BaseSubsession<P, G>>
        extends AbstractPage<P> {
    private String title = "Please wait";
    private String body = "Waiting for the other participants.";

    protected WaitPage() {
    }

    protected WaitPage(String name) {
        super(name);
    }

    /** The text shown while waiting. */
    protected final void text(String title, String body) {
        this.title = title;
        this.body = body;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    /** Wait for all players of the round rather than the group (oTree's {@code wait_for_all_groups}). */
    public boolean waitForAllGroups() {
        return false;
    }

    /**
     * Forms groups from the players who reach this page first, in the order they arrive (oTree's
     * {@code group_by_arrival_time}): as soon as {@link App#playersPerGroup()} players wait here, the first of them
     * become a new group and go on together, unless the app's {@link App#groupByArrivalTimeMethod} decides
     * otherwise. Allowed only on the first page of an app. The new groups hold for this round and the app's later
     * rounds; a round that shows the page again groups its players again. Until then all players of the round are
     * in one group.
     */
    public boolean groupByArrivalTime() {
        return false;
    }

    /** Runs once per group when its last player arrives. */
    public void afterAllPlayersArrive(G group) {
    }

    /** Runs once per round when the last player arrives, if {@link #waitForAllGroups()}. */
    public void afterAllPlayersArrive(S subsession) {
    }
}
