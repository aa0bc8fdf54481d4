package org.arborlab.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arborlab.control.export.ExportService;
import org.arborlab.control.export.ExportService.SessionChoice;

/**
 * Backs the Data page ({@code /export}): which sessions to export (all, one, or a chosen set, from the GET form's
 * {@code scope}, {@code one} and {@code session} parameters) and a download link per table and format.
 */
@Named
@RequestScoped
public class ExportPage {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    ExportService exports;

    @Inject
    HttpServletRequest request;

    private List<SessionChoice> sessions;
    private String scope;
    private final List<String> chosen = new ArrayList<>();
    private String error;

    /** One table in both formats. */
    public record Download(String label, String note, String csvUrl, String xlsxUrl, String countUrl) {
    }

    @PostConstruct
    void read() {
        sessions = exports.sessions();
        Set<String> known = new LinkedHashSet<>();
        sessions.forEach(s -> known.add(s.code()));
        scope = switch (String.valueOf(request.getParameter("scope"))) {
            case "one" -> "one";
            case "chosen" -> "chosen";
            default -> "all";
        };
        List<String> asked = new ArrayList<>();
        if (scope.equals("one")) {
            String one = request.getParameter("one");
            if (one != null && !one.isBlank()) {
                asked.add(one.trim());
            }
        } else if (scope.equals("chosen") && request.getParameterValues("session") != null) {
            asked.addAll(new LinkedHashSet<>(List.of(request.getParameterValues("session"))));
        }
        for (String code : asked) {
            if (known.contains(code)) {
                chosen.add(code);
            } else {
                error = "Session " + code + " not found.";
            }
        }
        if (error == null && !scope.equals("all") && chosen.isEmpty()) {
            error = scope.equals("one") ? "Choose a session." : "Choose at least one session.";
        }
        if (error != null) {
            chosen.clear();
        }
    }

    public List<SessionChoice> getSessions() {
        return sessions;
    }

    public String getScope() {
        return scope;
    }

    public boolean isChosen(String code) {
        return chosen.contains(code);
    }

    /** A message for a scope that cannot be exported (unknown session, nothing chosen), else null. */
    public String getError() {
        return error;
    }

    public String created(SessionChoice session) {
        return CREATED.format(Instant.ofEpochMilli(session.createdEpochMillis()));
    }

    public String getScopeSummary() {
        return switch (scope) {
            case "one" -> "Session " + String.join("", chosen);
            case "chosen" -> chosen.size() + (chosen.size() == 1 ? " chosen session: " : " chosen sessions: ")
                    + String.join(", ", chosen);
            default -> "All sessions (" + sessions.size() + ")";
        };
    }

    /** Every table: all apps wide, each app with data, the custom exports of those apps, page times. */
    public List<Download> getDownloads() {
        if (error != null) {
            return List.of();
        }
        List<Download> downloads = new ArrayList<>();
        downloads.add(download("All apps (wide)", "one row per participant", "wide", null));
        List<String> withData = exports.appsWithData();
        for (String app : withData) {
            downloads.add(download(app, "one row per player and round", "app", app));
        }
        for (String app : exports.appsWithCustomExport()) {
            if (withData.contains(app)) { // as oTree: custom exports of apps that have data
                downloads.add(download(app + " (custom_export)", "the app's own layout", "custom", app));
            }
        }
        downloads.add(download("Page times", "one row per page completed", "page_times", null));
        return downloads;
    }

    private Download download(String label, String note, String kind, String app) {
        StringBuilder query = new StringBuilder("?kind=").append(kind);
        if (app != null) {
            query.append("&app=").append(encode(app));
        }
        for (String code : chosen) {
            query.append("&session=").append(encode(code));
        }
        String base = request.getContextPath() + "/export/";
        return new Download(label, note, base + "download" + query + "&format=csv",
                base + "download" + query + "&format=xlsx", base + "count" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
