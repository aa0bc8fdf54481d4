package org.arborlab.client;

import java.net.URI;

/**
 * 401 or 403: the REST key is missing or wrong. Note that oTree (not Arbor) also answers 403 for wrong
 * parameters, e.g. "create_session() got an unexpected keyword argument 'foo'"; read {@link #detail()}.
 */
public class ArborAuthException extends ArborApiException {
    public ArborAuthException(String method, URI uri, Problem problem) {
        super(method, uri, problem);
    }
}
