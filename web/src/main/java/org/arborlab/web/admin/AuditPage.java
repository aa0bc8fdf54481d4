package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.arborlab.control.audit.AuditLog;
import org.arborlab.entity.AuditEntry;

/** Backs /audit (admin only): the audit log, newest first, {@value #PAGE_SIZE} entries a page (?page=N). */
@Named
@RequestScoped
public class AuditPage {
    static final int PAGE_SIZE = 50;

    @Inject
    AuditLog audit;

    @Inject
    HttpServletRequest request;

    private AuditLog.Page page;
    private int number = 1;

    private AuditLog.Page page() {
        if (page == null) {
            try {
                number = Math.max(1, Integer.parseInt(request.getParameter("page")));
            } catch (NumberFormatException e) {
                number = 1;
            }
            page = audit.page((number - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        return page;
    }

    public List<AuditEntry> getEntries() {
        return page().entries();
    }

    public long getTotal() {
        return page().total();
    }

    public int getNumber() {
        page();
        return number;
    }

    public boolean isHasNewer() {
        return getNumber() > 1;
    }

    public boolean isHasOlder() {
        return (long) getNumber() * PAGE_SIZE < getTotal();
    }

    public String when(long epochMillis) {
        return Times.format(epochMillis);
    }
}
