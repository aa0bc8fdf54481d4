package org.arborlab.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.audit.AuditLog;

/** Logins, failed logins and logouts go to the audit log; a failure to write it never blocks a login. */
@ApplicationScoped
public class LoginEvents {
    private static final Logger LOG = Logger.getLogger(LoginEvents.class.getName());

    @Inject
    AuditLog audit;

    void record(String user, String action, String detail) {
        String who = user == null || user.isBlank() ? "unknown" : user;
        try {
            audit.recordAs(who, action, who, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the audit entry " + action + " of " + who, e);
        }
    }
}
