package org.arborlab.web.play;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.engine.runtime.AppErrors;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.Outcome;
import org.arborlab.control.engine.runtime.PageView;
import org.arborlab.web.security.Pages;

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

    /**
     * Logs the error and shows the plain error page; the transaction has been rolled back. Outside production
     * (OTREE_PRODUCTION unset) the page also says where it went wrong: the template's or the app's file and line,
     * and the message.
     */
    static void failure(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        LOG.log(Level.SEVERE, "Participant request " + request.getMethod() + " " + request.getRequestURI()
                + " failed", e);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(500);
        response.setContentType("text/html;charset=UTF-8");
        // the texts come from the bundle and the language code is checked at start-up: nothing here needs escaping
        ParticipantTexts texts = CDI.current().select(ParticipantTexts.class).get();
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + texts.getLang() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + texts.get("error_title") + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/play/arbor.css\"></head><body>"
                + "<main class=\"arbor-page\"><h1>" + texts.get("error_title") + "</h1><p>" + texts.get("error_text")
                + "</p>" + details(e) + "</main></body></html>");
    }

    /** Outside production: where the error comes from, escaped; in production nothing. */
    static String details(Exception e) {
        try {
            if (CDI.current().select(ServerEnvironment.class).get().isProduction()) {
                return "";
            }
            AppRegistry apps = CDI.current().select(AppRegistry.class).get();
            return details(AppErrors.locate(e, apps).map(AppErrors.Location::toString).orElseGet(() -> rootCause(e)));
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "No error details for the participant page", unavailable);
            return ""; // the plain page still shows
        }
    }

    static String details(String text) {
        return "<pre class=\"arbor-error-details\" id=\"error-details\">" + Pages.escape(text) + "</pre>"
                + "<p><small>Shown because OTREE_PRODUCTION is not set.</small></p>";
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
