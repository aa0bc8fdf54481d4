package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.arborlab.control.ArborException;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.admin.SessionRow;

/**
 * {@code /sessions} ({@code ?archived=1}: the archive): the non-demo sessions, archive/un-archive and delete.
 * Delete asks first: the first POST shows the confirmation, the second ({@code op=delete}) deletes.
 */
@Named
@RequestScoped
public class SessionsPage {

    @Inject
    SessionAdminService service;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    private List<SessionRow> rows;
    private List<String> confirming = List.of();

    public boolean isArchive() {
        return "1".equals(request.param("archived"));
    }

    public List<SessionRow> getRows() {
        if (rows == null) {
            rows = service.list(isArchive());
        }
        return rows;
    }

    /** The sessions the admin is asked to confirm deleting (empty when not asking). */
    public List<String> getConfirming() {
        return confirming;
    }

    public String created(SessionRow row) {
        return RelativeTime.since(row.createdEpochMillis(), System.currentTimeMillis());
    }

    /** POST: {@code op} = archive, unarchive, ask-delete or delete; {@code session} repeated. */
    public void post() {
        if (!request.isPost()) {
            showDoneMessage();
            return;
        }
        String op = String.valueOf(request.param("op"));
        List<String> codes = request.params("session");
        if (request.refuseUnless(access.isExperimenter())) {
            return;
        }
        if (codes.isEmpty()) {
            request.error("Select at least one session.");
            return;
        }
        String back = "/sessions" + (isArchive() ? "?archived=1&" : "?");
        try {
            switch (op) {
                case "archive", "unarchive" -> {
                    int n = service.setArchived(codes, op.equals("archive"));
                    request.redirect(back + "done=" + op + "d&n=" + n);
                }
                case "ask-delete" -> confirming = codes;
                case "delete" -> {
                    int n = service.delete(codes);
                    request.redirect(back + "done=deleted&n=" + n);
                }
                default -> request.error("Unknown action.");
            }
        } catch (ArborException e) {
            request.error(e.getMessage());
        }
    }

    private void showDoneMessage() {
        String done = String.valueOf(request.param("done"));
        String n = String.valueOf(request.param("n"));
        if (n.matches("\\d{1,5}") && List.of("archived", "unarchived", "deleted").contains(done)) {
            request.info(("1".equals(n) ? "1 session " : n + " sessions ") + switch (done) {
                case "archived" -> "moved to the archive.";
                case "unarchived" -> "moved out of the archive.";
                default -> "deleted.";
            });
        }
    }
}
