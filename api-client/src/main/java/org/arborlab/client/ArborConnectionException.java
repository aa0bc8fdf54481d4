package org.arborlab.client;

/**
 * No usable HTTP response: the server could not be reached, the connection broke, or the timeout passed.
 * For a request that changes data (e.g. creating a session) the server may still have done the work.
 */
public class ArborConnectionException extends ArborException {
    public ArborConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
