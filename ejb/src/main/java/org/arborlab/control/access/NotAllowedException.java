package org.arborlab.control.access;

import jakarta.ejb.ApplicationException;
import org.arborlab.control.ArborException;

/** The caller lacks the role an action needs: HTTP 403, and nothing was done. */
@ApplicationException(rollback = true)
public class NotAllowedException extends ArborException {
    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
