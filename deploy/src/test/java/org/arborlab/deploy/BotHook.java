package org.arborlab.deploy;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;

/**
 * Test-only (added to the WAR by browser tests, never shipped): {@code GET /test-hooks/bots?code=<session>} plays
 * the session with its apps' bots over HTTP and answers "passed" or the failures, so a test that drives a real
 * browser from outside the server can have bots play while it watches.
 */
@WebServlet("/test-hooks/bots")
public class BotHook extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    BotRunner bots;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getScheme() + "://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/";
        try {
            BotReport report = bots.run(request.getParameter("code"), URI.create(base), Duration.ofMinutes(2));
            response.setContentType("text/plain");
            response.getWriter().write(report.passed() ? "passed" : report.failures().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(500, "interrupted");
        }
    }
}
