package org.arborlab.control.engine.runtime;

/** The participant-side paths, in oTree's shapes. */
public final class Links {

    private Links() {
    }

    public static String page(String participantCode, String app, String page, int index) {
        return "/p/" + participantCode + "/" + app + "/" + page + "/" + index;
    }

    public static String initializeParticipant(String participantCode) {
        return "/InitializeParticipant/" + participantCode;
    }

    /** Participants' chat channels ({@code <arbor:chat/>}): GET and POST with the page's ticket. */
    public static String chatChannel() {
        return "/chat/channel";
    }

    public static String finished(String participantCode) {
        return "/OutOfRangeNotification/" + participantCode;
    }

    static String current(String participantCode, PageFlow flow, int index) {
        if (index <= 0) {
            return initializeParticipant(participantCode);
        }
        if (flow.isFinished(index)) {
            return finished(participantCode);
        }
        PageFlow.Step step = flow.step(index);
        return page(participantCode, step.appName(), step.pageName(), index);
    }
}
