package org.arborlab.client;

/** Base of everything the client throws: unchecked, so scripts and batch jobs are not forced into try/catch. */
public class ArborException extends RuntimeException {
    public ArborException(String message) {
        super(message);
    }

    public ArborException(String message, Throwable cause) {
        super(message, cause);
    }
}
