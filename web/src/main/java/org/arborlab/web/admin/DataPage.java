package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.arborlab.control.admin.SessionDataService;

/** {@code /SessionData/<code>}: a table per app and round. */
@Named
@RequestScoped
public class DataPage {

    @Inject
    SessionDataService service;

    @Inject
    AdminRequest request;

    private List<SessionDataService.Table> tables;

    public List<SessionDataService.Table> getTables() {
        if (tables == null) {
            tables = service.tables(request.getCode());
        }
        return tables;
    }
}
