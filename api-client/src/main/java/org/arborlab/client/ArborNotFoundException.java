package org.arborlab.client;

import java.net.URI;

/** 404: unknown session, participant, room or session config. */
public class ArborNotFoundException extends ArborApiException {
    public ArborNotFoundException(String method, URI uri, Problem problem) {
        super(method, uri, problem);
    }
}
