package org.arborlab.control;

import jakarta.ejb.ApplicationException;

/** An unknown session, participant, room or session config: HTTP 404. */
@ApplicationException(rollback = true)
public class NotFoundException extends ArborException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
