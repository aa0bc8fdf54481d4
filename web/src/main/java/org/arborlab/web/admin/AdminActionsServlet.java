package org.arborlab.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.arborlab.control.ArborException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.admin.MonitorService;
import org.arborlab.control.admin.SessionAdminService;

/**
 * oTree's admin POST endpoints, for scripts written against oTree: {@code /AdvanceSession/<code>} (answers
 * "ok"), {@code /ToggleArchivedSessions} (field {@code session} repeated) and {@code /CloseRoom/<room>}; the
 * last two redirect to their page. The admin pages themselves post to their own URLs.
 */
@WebServlet(urlPatterns = {"/AdvanceSession/*", "/ToggleArchivedSessions", "/CloseRoom/*"}, asyncSupported = true)
public class AdminActionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    MonitorService monitor;

    @Inject
    SessionAdminService sessions;

    @Inject
    Access access;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if (!access.isExperimenter()) {
            response.setStatus(403);
            response.getWriter().write("Your role may not change sessions.");
            return;
        }
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/|/$", "");
        try {
            switch (request.getServletPath()) {
                case "/AdvanceSession" -> {
                    monitor.advanceSlowest(name, true); // oTree's rule, for its scripts
                    response.getWriter().write("ok");
                }
                case "/ToggleArchivedSessions" -> {
                    String[] codes = request.getParameterValues("session");
                    List<String> list = codes == null ? List.of() : Arrays.asList(codes);
                    sessions.toggleArchived(list);
                    response.sendRedirect(request.getContextPath() + "/sessions");
                }
                default -> {
                    sessions.closeRoom(name);
                    response.sendRedirect(request.getContextPath() + "/room_without_session/" + name);
                }
            }
        } catch (NotFoundException e) {
            response.setStatus(404);
            response.getWriter().write(e.getMessage());
        } catch (org.arborlab.control.access.NotAllowedException e) {
            response.setStatus(403);
            response.getWriter().write(e.getMessage());
        } catch (ArborException e) {
            response.setStatus(400);
            response.getWriter().write(e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        response.sendError(405, "POST only");
    }
}
