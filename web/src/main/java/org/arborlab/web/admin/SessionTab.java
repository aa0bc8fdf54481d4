package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.admin.SessionInfo;
import org.arborlab.control.admin.SessionLinks;
import org.arborlab.control.engine.features.RoomUrlSecret;

/**
 * What every session tab shows: the session's header and tab bar (and the Links, Split screen and Description
 * tabs' content, and the Data tab's download link).
 */
@Named
@RequestScoped
public class SessionTab {

    @Inject
    SessionAdminService service;

    @Inject
    AdminRequest request;

    @Inject
    RoomUrlSecret secret;

    private SessionInfo info;
    private SessionLinks links;

    public SessionInfo getInfo() {
        if (info == null) {
            info = service.info(request.getCode());
        }
        return info;
    }

    public SessionLinks getLinks() {
        if (links == null) {
            links = service.links(request.getCode());
        }
        return links;
    }

    public String getCode() {
        return request.getCode();
    }

    /** The token of oTree's download link {@code /ExportSessionWide/<code>?token=...}. */
    public String getExportToken() {
        return secret.dataExportToken();
    }

    public String getCreated() {
        return RelativeTime.since(getInfo().createdEpochMillis(), System.currentTimeMillis());
    }
}
