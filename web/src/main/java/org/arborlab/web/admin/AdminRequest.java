package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.arborlab.web.proxy.PublicAddressFilter;

/**
 * The admin request as {@link AdminRoutes} forwarded it: the session code or room of the URL, the page's own
 * clean path (forms post back to it), and small helpers the page beans share.
 */
@Named
@RequestScoped
public class AdminRequest {

    @Inject
    HttpServletRequest request;

    /** The session code of a session tab's URL. */
    public String getCode() {
        return (String) request.getAttribute(AdminRoutes.CODE);
    }

    /** The room of a room page's URL. */
    public String getRoom() {
        return (String) request.getAttribute(AdminRoutes.ROOM);
    }

    /** The clean path of this page, e.g. {@code /SessionMonitor/abc}, without the context path. */
    public String getPath() {
        return (String) request.getAttribute(AdminRoutes.PATH);
    }

    /** The message of the not-found page. */
    public String getMessage() {
        return (String) request.getAttribute(AdminRoutes.MESSAGE);
    }

    /**
     * {@code http://host:port/context}: start links are shown in full, to be copied. The person's address
     * (behind a reverse proxy too), not the server's.
     */
    public String getBaseUrl() {
        return PublicAddressFilter.of(request).root() + request.getContextPath();
    }

    public boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    public String param(String name) {
        String value = request.getParameter(name);
        return value == null ? null : value.strip();
    }

    public List<String> params(String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }

    /** A 303 to another admin page (after a successful POST, so a reload does not post again). */
    public void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Refuses a change to someone who may only look (role viewer); true if refused. */
    public boolean refuseUnless(boolean allowed) {
        if (!allowed) {
            error("Your role may look at sessions but not change them.");
        }
        return !allowed;
    }
}
