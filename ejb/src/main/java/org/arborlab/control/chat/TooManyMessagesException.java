package org.arborlab.control.chat;

import jakarta.ejb.ApplicationException;
import org.arborlab.control.ArborException;

/** A participant writes faster than the chat's rate limit allows: HTTP 429, nothing stored. */
@ApplicationException(rollback = true)
public class TooManyMessagesException extends ArborException {
    private static final long serialVersionUID = 1L;

    public TooManyMessagesException(String message) {
        super(message);
    }
}
