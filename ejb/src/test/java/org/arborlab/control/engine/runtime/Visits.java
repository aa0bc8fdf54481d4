package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.arborlab.testing.TestSession;

/** A participant's browser in the runtime tests: follows redirects to the page the runtime shows. */
final class Visits {
    /** What a participant sees after following every redirect. */
    static final String FINISHED = "finished";

    private Visits() {
    }

    /** Opens the participant's start link and follows it to a page, a wait page or the end. */
    static Outcome open(TestSession session, int participant) {
        String code = session.code(participant);
        return follow(session, code, session.play().start(code, null));
    }

    /** Submits the participant's current form page and follows the answer. */
    static Outcome submit(TestSession session, int participant, Map<String, String> form) {
        return submit(session, participant, form, false);
    }

    static Outcome submit(TestSession session, int participant, Map<String, String> form, boolean timeoutClaimed) {
        String code = session.code(participant);
        int index = session.participants().get(participant - 1).getIndexInPages();
        return follow(session, code, session.play().submit(code, index, form, timeoutClaimed));
    }

    static Outcome follow(TestSession session, String code, Outcome outcome) {
        for (int hops = 0; hops < 100 && outcome instanceof Outcome.Redirect redirect; hops++) {
            String path = redirect.path();
            if (path.startsWith(Links.finished(code))) {
                return outcome;
            }
            if (path.startsWith(Links.initializeParticipant(code))) {
                outcome = session.play().start(code, null);
            } else {
                outcome = session.play().show(code, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
            }
        }
        return outcome;
    }

    /** The page's name, the wait page's name, or {@link #FINISHED}. */
    static String where(Outcome outcome) {
        if (outcome instanceof Outcome.ShowPage page) {
            return page.view().pageName();
        }
        if (outcome instanceof Outcome.ShowWaitPage wait) {
            return wait.view().pageName();
        }
        assertInstanceOf(Outcome.Redirect.class, outcome, "neither a page nor a redirect: " + outcome);
        return FINISHED;
    }

    static PageView page(Outcome outcome) {
        return assertInstanceOf(Outcome.ShowPage.class, outcome, "not a form page: " + outcome).view();
    }

    static WaitView waitPage(Outcome outcome) {
        return assertInstanceOf(Outcome.ShowWaitPage.class, outcome, "not a wait page: " + outcome).view();
    }

    /** Each field's message on a page shown again, by field name; the page's own message under "". */
    static Map<String, String> errors(Outcome outcome) {
        PageView view = page(outcome);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (view.errorMessage() != null) {
            errors.put("", view.errorMessage());
        }
        view.fields().stream().filter(f -> f.error() != null).forEach(f -> errors.put(f.name(), f.error()));
        return errors;
    }
}
