package org.arborlab.control;

import jakarta.ejb.ApplicationException;

/** The input breaks a rule (bad number of participants, a non-editable config field, ...): HTTP 400. */
@ApplicationException(rollback = true)
public class InvalidInputException extends ArborException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
