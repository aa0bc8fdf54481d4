package org.arborlab.control.engine.features;

/** What went wrong for one bot: a refused submission, a page it did not expect, a failed check. */
public final class BotFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BotFailure(String message) {
        super(message, null, false, false);
    }
}
