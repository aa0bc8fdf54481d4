package org.arborlab.client;

import java.net.URI;

/** 5xx: trouble on the server side. Safe requests were already retried before this is thrown. */
public class ArborServerException extends ArborApiException {
    public ArborServerException(String method, URI uri, Problem problem) {
        super(method, uri, problem);
    }
}
