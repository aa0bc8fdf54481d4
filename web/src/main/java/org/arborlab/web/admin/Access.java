package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;

/**
 * Who the admin user is and what they may do, for pages ({@code #{access.experimenter}}) and backing beans.
 * Roles nest: {@code admin} ⊃ {@code experimenter} ⊃ {@code viewer}. With no auth level everyone may do
 * everything, as in oTree (pages then show a warning banner).
 */
@Named
@RequestScoped
public class Access {

    public static final String ADMIN = "admin";
    public static final String EXPERIMENTER = "experimenter";
    public static final String VIEWER = "viewer";

    @Inject
    ServerEnvironment environment;

    @Inject
    HttpServletRequest request;

    /** True when {@code OTREE_AUTH_LEVEL} is unset: nothing is protected. */
    public boolean isOpen() {
        return environment.authLevel() == AuthLevel.NONE;
    }

    public boolean isLoggedIn() {
        return request.getUserPrincipal() != null;
    }

    public String getUser() {
        return isLoggedIn() ? request.getUserPrincipal().getName() : null;
    }

    public boolean isAdmin() {
        return isOpen() || request.isUserInRole(ADMIN);
    }

    /** May create, run, edit, archive and delete sessions. */
    public boolean isExperimenter() {
        return isAdmin() || request.isUserInRole(EXPERIMENTER);
    }

    /** May look at sessions (monitor, data, payments, reports) and export. */
    public boolean isViewer() {
        return isExperimenter() || request.isUserInRole(VIEWER);
    }
}
