package org.arborlab.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The clean URLs /audit and /api_tokens of the Faces views /admin/audit.xhtml and /admin/api_tokens.xhtml. */
@WebServlet(urlPatterns = {"/audit", "/api_tokens"}, asyncSupported = true)
public class SecurityPagesServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/admin" + request.getServletPath() + ".xhtml").forward(request, response);
    }
}
