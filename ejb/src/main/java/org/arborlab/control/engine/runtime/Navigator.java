package org.arborlab.control.engine.runtime;

import org.arborlab.entity.PageCompletion;
import org.arborlab.entity.Participant;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.BasePlayer;

/** Moves a participant through the page flow: skips pages that are not displayed, stops at wait pages. */
public final class Navigator {

    private Navigator() {
    }

    /**
     * Puts the participant on the first page from {@code from} on that is displayed to them, or a wait page
     * (whose {@code isDisplayed} is decided when the participant reaches it), or past the end. The participant
     * row must be locked.
     */
    public static int advance(ModelScope scope, PageFlow flow, Participant participant, int from) {
        int index = from;
        while (!flow.isFinished(index)) {
            PageFlow.Step step = flow.step(index);
            if (step.isWaitPage() || isDisplayed(step.page(), scope.player(participant, step.appName(), step.round()))) {
                break;
            }
            index++;
        }
        participant.setIndexInPages(index);
        participant.setTimeoutEpochMillis(null);
        PageFlow.Step shown = flow.step(Math.min(index, flow.size()));
        participant.setCurrentPage(shown.appName(), shown.pageName());
        return index;
    }

    /** First visit: the participant arrives (index 0 in the page times) and goes to the first displayed page. */
    public static void begin(ModelScope scope, PageFlow flow, Participant participant, long now) {
        if (participant.getIndexInPages() > 0) {
            return;
        }
        participant.arrive(now);
        scope.storage().add(new PageCompletion(participant, "", "InitializeParticipant", 0, 1, now, false, false));
        advance(scope, flow, participant, 1);
    }

    @SuppressWarnings("unchecked")
    static boolean isDisplayed(AbstractPage<?> page, BasePlayer<?, ?> player) {
        return ((AbstractPage<BasePlayer<?, ?>>) page).isDisplayed(player);
    }
}
