package org.arborlab.control.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who acts in this request when the container does not know it: REST callers authenticate with a key or
 * token, not a login, so the REST boundary names them here ("rest-key", "token:&lt;name&gt;").
 */
@RequestScoped
public class Actor {
    private String name;

    public void set(String name) {
        this.name = name;
    }

    public String get() {
        return name;
    }
}
