package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.arborlab.control.ArborException;
import org.arborlab.control.admin.MonitorService;

/** {@code /SessionMonitor/<code>}: the live table of participants and "advance slowest participants". */
@Named
@RequestScoped
public class MonitorPage {

    @Inject
    MonitorService service;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    private MonitorService.Monitor monitor;

    public MonitorService.Monitor getMonitor() {
        if (monitor == null) {
            monitor = service.monitor(request.getCode());
        }
        return monitor;
    }

    /** POST {@code op=advance}. */
    public void post() {
        if (!request.isPost()) {
            String n = request.param("advanced");
            if (n != null && n.matches("\\d{1,3}")) {
                request.info(n.equals("0") ? "No participant could be moved on (those behind are on a wait page)."
                        : "Advanced " + n + (n.equals("1") ? " participant." : " participants."));
            }
            return;
        }
        if (request.refuseUnless(access.isExperimenter())) {
            return;
        }
        if (!"advance".equals(request.param("op"))) {
            request.error("Unknown action.");
            return;
        }
        try {
            int moved = service.advanceSlowest(request.getCode());
            request.redirect("/SessionMonitor/" + request.getCode() + "?advanced=" + moved);
        } catch (ArborException e) {
            request.error(e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            java.util.logging.Logger.getLogger(MonitorPage.class.getName()).log(java.util.logging.Level.SEVERE,
                    "Advancing the slowest participants of " + request.getCode() + " failed", e);
            request.error("Nobody was moved on: the app failed on a timed-out page (see the server log).");
        }
    }
}
