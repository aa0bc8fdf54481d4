package org.arborlab.control;

/**
 * A request the caller can correct. Boundaries map it to a 4xx answer with this message as the detail; the
 * transaction is rolled back (see the subclasses' {@code @ApplicationException}).
 */
public abstract class ArborException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ArborException(String message) {
        super(message);
    }
}
