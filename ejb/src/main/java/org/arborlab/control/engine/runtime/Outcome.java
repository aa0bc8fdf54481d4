package org.arborlab.control.engine.runtime;

/** What a participant's request leads to: another URL, a page to show, or a message. */
public sealed interface Outcome {

    /** Go to this path (a start link's target, the current page, or the next page after a submit). */
    record Redirect(String path) implements Outcome {
    }

    /** Show a form page (again, with messages, if the submission had errors). */
    record ShowPage(PageView view) implements Outcome {
    }

    /** Show a wait page. */
    record ShowWaitPage(WaitView view) implements Outcome {
    }

    /** Show a short message with an HTTP status, e.g. 404 for an unknown participant code. */
    record Message(int status, String title, String text) implements Outcome {
    }

    static Outcome notFound(String text) {
        return new Message(404, "Not found", text);
    }
}
