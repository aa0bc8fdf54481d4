package org.arborlab.control;

import jakarta.ejb.ApplicationException;

/** The request contradicts an earlier one, e.g. an Idempotency-Key reused for a different request: HTTP 422. */
@ApplicationException(rollback = true)
public class ConflictException extends ArborException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
