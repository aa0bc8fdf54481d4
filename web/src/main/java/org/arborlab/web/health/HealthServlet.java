package org.arborlab.web.health;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.arborlab.entity.Jsonp;

/**
 * {@code /health}, {@code /health/ready}, {@code /health/live} and {@code /health/started} in MicroProfile
 * Health's JSON (200 when every check is UP, else 503), for servers without MicroProfile Health. Where the server
 * has it (Payara), its own endpoint owns {@code /health} and requests never reach this servlet; the checks are
 * the same ({@link HealthChecks}).
 */
@WebServlet(urlPatterns = {"/health", "/health/*"}, asyncSupported = true)
public class HealthServlet extends HttpServlet {

    @Inject
    HealthChecks checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "/" : request.getPathInfo();
        List<HealthChecks.Result> results = switch (which) {
            case "/", "" -> List.of(checks.application(), checks.database());
            case "/ready" -> List.of(checks.database());
            case "/live" -> List.of(checks.application());
            case "/started" -> List.of();
            default -> null;
        };
        if (results == null) {
            response.sendError(404);
            return;
        }
        boolean up = results.stream().allMatch(HealthChecks.Result::up);
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (HealthChecks.Result result : results) {
            JsonObjectBuilder data = Jsonp.createObjectBuilder();
            result.data().forEach((key, value) -> {
                if (value instanceof Number number) {
                    data.add(key, number.longValue());
                } else {
                    data.add(key, String.valueOf(value));
                }
            });
            array.add(Jsonp.createObjectBuilder().add("name", result.name())
                    .add("status", result.up() ? "UP" : "DOWN").add("data", data));
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Jsonp.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                .add("checks", array).build().toString());
    }
}
