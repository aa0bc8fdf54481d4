package org.arborlab.web.play;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.engine.Outcome;
import org.arborlab.control.engine.PageView;

/**
 * Answers a participant request from the engine's outcome: a 303 redirect, or a Faces page rendered by
 * forwarding to its view. An error anywhere becomes a plain "something went wrong" page (logged), never a
 * stack trace.
 */
final class Render {
    private static final Logger LOG = Logger.getLogger(Render.class.getName());

    private Render() {
    }

    static void outcome(HttpServletRequest request, HttpServletResponse response, Outcome outcome)
            throws IOException, ServletException {
        if (outcome instanceof Outcome.Redirect r) {
            redirect(request, response, r.path());
        } else if (outcome instanceof Outcome.ShowPage p) {
            page(request, response, p.view());
        } else if (outcome instanceof Outcome.ShowWaitPage w) {
            request.setAttribute(PlayView.WAIT, w.view());
            view(request, response, 200, "/WEB-INF/play/wait.xhtml");
        } else if (outcome instanceof Outcome.Message m) {
            message(request, response, m.status(), m.title(), m.text());
        }
    }

    /** 303 See Other: after a POST the browser GETs the next page (no resubmission on reload). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    static void page(HttpServletRequest request, HttpServletResponse response, PageView view)
            throws IOException, ServletException {
        request.setAttribute(PlayView.PAGE, view);
        // the template's names, as oTree's templates have them: player, group, C, and vars_for_template
        for (Map.Entry<String, Object> entry : view.values().entrySet()) {
            String name = entry.getKey().equals("session") ? "experimentSession" : entry.getKey();
            request.setAttribute(name, entry.getValue());
        }
        view(request, response, 200, "/WEB-INF/play/page.xhtml");
    }

    static void message(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String text) throws IOException, ServletException {
        request.setAttribute(PlayView.MESSAGE, new PlayView.Message(status, title, text));
        view(request, response, status, "/WEB-INF/play/message.xhtml");
    }

    static void view(HttpServletRequest request, HttpServletResponse response, int status, String view)
            throws IOException, ServletException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(view).forward(request, response);
    }

    /** Logs the error and shows a page without details; the transaction has been rolled back. */
    static void failure(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        LOG.log(Level.SEVERE, "Participant request " + request.getMethod() + " " + request.getRequestURI()
                + " failed", e);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(500);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/play/arbor.css\"></head><body>"
                + "<main class=\"arbor-page\"><h1>Something went wrong</h1><p>Your last answer was not saved. Please"
                + " reload the page; if this happens again, tell the experimenter.</p></main></body></html>");
    }
}
