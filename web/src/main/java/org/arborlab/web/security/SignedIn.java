package org.arborlab.web.security;

import java.io.Serializable;
import java.util.Set;

/** Who is logged in, kept in the HTTP session: the name, Arbor's roles, and how they logged in. */
record SignedIn(String name, Set<String> roles, String method) implements Serializable {
    static final String SESSION_KEY = "arbor.signed-in";
    static final String PASSWORD = "password";
    static final String SSO = "sso";
}
