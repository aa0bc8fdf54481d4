package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.engine.features.AdminReportService;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.entity.SessionCode;

/**
 * {@code /AdminReport/<code>?app_name=&round_number=}: the first report app and the last round unless
 * chosen; the app's Facelets fragment renders the values of {@code varsForAdminReport} with {@code subsession},
 * {@code experimentSession} (oTree's {@code session}) and {@code C}.
 */
@Named
@RequestScoped
public class ReportPage {

    @Inject
    AdminReportService reports;

    @Inject
    AppRegistry apps;

    @Inject
    ServerEnvironment environment;

    @Inject
    AdminRequest admin;

    @Inject
    HttpServletRequest request;

    private Map<String, Integer> reportApps;
    private String app;
    private int round;
    private String error;
    private Map<String, Object> values;

    private void load() {
        if (reportApps != null) {
            return;
        }
        SessionCode code = new SessionCode(admin.getCode());
        reportApps = reports.appsWithReports(code);
        String asked = admin.param("app_name");
        app = asked == null || asked.isEmpty() ? reportApps.keySet().stream().findFirst().orElse(null) : asked;
        if (app == null) {
            error = "No app of this session has an admin report.";
            return;
        }
        if (!reportApps.containsKey(app)) {
            error = "App \"" + app + "\" of this session has no admin report.";
            return;
        }
        int rounds = reportApps.get(app);
        Integer askedRound = null;
        String raw = admin.param("round_number");
        if (raw != null && raw.matches("\\d{1,6}")) {
            askedRound = Integer.parseInt(raw);
        }
        round = askedRound == null || askedRound < 1 || askedRound > rounds ? rounds : askedRound;
        values = reports.report(code, app, round);
        // the fragment's names, as in oTree's admin_report.html ("session" is taken by EL: experimentSession)
        values.forEach((name, value) -> request.setAttribute(name.equals("session") ? "experimentSession" : name,
                value));
    }

    public Map<String, Integer> getReportApps() {
        load();
        return reportApps;
    }

    public String getApp() {
        load();
        return app;
    }

    public int getRound() {
        load();
        return round;
    }

    public List<Integer> getRounds() {
        load();
        return app == null || !reportApps.containsKey(app) ? List.of()
                : IntStream.rangeClosed(1, reportApps.get(app)).boxed().toList();
    }

    public String getError() {
        load();
        return error;
    }

    /** The view path of the app's fragment, or null if it has none (then the values are listed). */
    public String getTemplate() {
        load();
        if (error != null) {
            return null;
        }
        return apps.get(app).adminReportTemplate().map(t -> "/arbor-app/" + t).orElse(null);
    }

    /** The vars_for_admin_report table shown below the report in debug mode (and without a fragment). */
    public List<Map.Entry<String, String>> getDebugRows() {
        load();
        if (values == null || environment.isProduction() && getTemplate() != null) {
            return List.of();
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!k.equals("session") && !k.equals("subsession") && !k.equals("C")) {
                rows.add(Map.entry(k, String.valueOf(v)));
            }
        });
        return rows;
    }
}
