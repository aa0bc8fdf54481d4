package org.arborlab.control.export;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.io.OutputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.database.SchemaMigrator;
import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.features.CustomExports;
import org.arborlab.control.engine.runtime.FieldSpec;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.Settings;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.SessionCode;

/**
 * Writes exports straight to the client's stream. Reading is done outside any transaction, in pages (see
 * {@link Keyset}): a long export neither holds locks nor grows the persistence context.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AppRegistry apps;

    @Inject
    SettingsService settingsService;

    @Inject
    CustomExports customExports;

    /** What to export: a kind, a format, the sessions (empty for all) and, for app exports, the app. */
    public record Request(@NotNull ExportKind kind, @NotNull ExportFormat format, @NotNull List<String> sessionCodes,
            String app) {
    }

    /**
     * Checks the request before any byte is written, so a bad one is still a clean 4xx.
     *
     * @return the database ids of the sessions, or null for all
     */
    public List<Long> check(@NotNull Request request) {
        if (request.kind() == ExportKind.APP || request.kind() == ExportKind.CUSTOM) {
            String kind = request.kind().parameter();
            if (request.app() == null || request.app().isBlank()) {
                throw new InvalidInputException("kind=" + kind + " needs the parameter app, e.g. app="
                        + (request.kind() == ExportKind.APP ? "trust" : "public_goods"));
            }
            // a per-app export also works for an app that has data but is no longer installed
            if (apps.find(request.app()).isEmpty()
                    && !(request.kind() == ExportKind.APP && appsWithData().contains(request.app()))) {
                throw new NotFoundException("App " + request.app() + " not found; installed apps: "
                        + String.join(", ", apps.all().keySet()));
            }
            if (request.kind() == ExportKind.CUSTOM && !customExports.has(request.app())) {
                throw new NotFoundException("App " + request.app() + " has no custom export; apps with one: "
                        + String.join(", ", appsWithCustomExport()));
            }
        }
        if (request.sessionCodes().isEmpty()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String code : request.sessionCodes()) {
            if (!SessionCode.isValid(code)) {
                throw SessionService.notFound(code);
            }
            ids.add(em.createQuery("select s.id from Session s where s.code = :code", Long.class)
                    .setParameter("code", new SessionCode(code)).getResultStream().findFirst()
                    .orElseThrow(() -> SessionService.notFound(code)));
        }
        return ids;
    }

    /**
     * oTree's name for an HTTP download, e.g. {@code all_apps_wide-2026-11-23.csv}, {@code PageTimes-2026-11-23.csv}
     * (its {@code /ExportSessionWide} and {@code /ExportPageTimes}).
     */
    public String fileName(Request request) {
        return base(request) + "-" + today() + "." + request.format().extension();
    }

    /**
     * oTree's name on its Data page, where the tables come over a websocket with an underscore before the date
     * ({@code all_apps_wide_2026-11-23.csv}, {@code trust_2026-11-23.csv}); page times are an HTTP download there
     * too ({@code PageTimes-2026-11-23.csv}). A custom export is {@code <app>_custom_<date>} (oTree reuses the
     * per-app name, so the second download would overwrite or rename the first).
     */
    public String dataPageFileName(Request request) {
        return base(request) + (request.kind() == ExportKind.PAGE_TIMES ? "-" : "_") + today() + "."
                + request.format().extension();
    }

    private static String base(Request request) {
        return switch (request.kind()) {
            case PAGE_TIMES -> "PageTimes";
            case WIDE -> "all_apps_wide";
            case APP -> request.app();
            case CUSTOM -> request.app() + "_custom";
        };
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** A session as the Data page lists it for choosing. */
    public record SessionChoice(String code, String configName, String label, long createdEpochMillis,
            int numParticipants, boolean demo) {
    }

    /** Every session, newest first, for choosing what to export. */
    public List<SessionChoice> sessions() {
        return em.createQuery("select s from Session s order by s.createdEpochMillis desc, s.id desc",
                org.arborlab.entity.Session.class).getResultStream()
                .map(s -> new SessionChoice(s.getCode().value(), s.getConfigName(), s.getLabel(),
                        s.getCreatedEpochMillis(), s.getNumParticipants(), s.isDemo()))
                .toList();
    }

    /** Installed apps that have a custom export, by name. */
    public List<String> appsWithCustomExport() {
        return apps.all().values().stream().filter(AppModel::hasCustomExport).map(AppModel::name).toList();
    }

    /** Apps that have data in the database (installed or not), by name: the Data page's per-app exports. */
    public List<String> appsWithData() {
        return em.createQuery("select distinct s.appName from Subsession s order by s.appName", String.class)
                .getResultList();
    }

    /**
     * How many rows an export will have besides its header, for progress bars: participants (wide), players of
     * the app (per app; for a custom export the players it is given, its rows may differ), page records.
     *
     * @param sessionIds as returned by {@link #check}
     */
    public long expectedRows(@NotNull Request request, List<Long> sessionIds) {
        if (sessionIds != null && sessionIds.isEmpty()) {
            return 0;
        }
        String where = sessionIds == null ? "" : " and x.session.id in :sessions";
        var query = switch (request.kind()) {
            case WIDE -> em.createQuery("select count(x) from Participant x where 1 = 1" + where, Long.class);
            case APP, CUSTOM -> em.createQuery("select count(x) from Player x where x.subsession.appName = :app"
                    + where, Long.class).setParameter("app", request.app());
            case PAGE_TIMES -> em.createQuery("select count(x) from PageCompletion x where 1 = 1" + where,
                    Long.class);
        };
        if (sessionIds != null) {
            query.setParameter("sessions", sessionIds);
        }
        return query.getSingleResult();
    }

    public void write(@NotNull Request request, List<Long> sessionIds, @NotNull OutputStream out) throws Exception {
        write(request, sessionIds, out, rows -> { });
    }

    /**
     * @param rowsWritten told the number of rows written so far (header included) every
     *                    {@value ProgressWriter#EVERY} rows and at the end, before an .xlsx file is sent
     */
    public void write(@NotNull Request request, List<Long> sessionIds, @NotNull OutputStream out,
            @NotNull LongConsumer rowsWritten) throws Exception {
        // oTree writes page times with LF and every other table with CRLF (Python's csv module)
        String lineEnd = request.kind() == ExportKind.PAGE_TIMES ? "\n" : "\r\n";
        String sheet = switch (request.kind()) {
            case APP -> request.app();
            case CUSTOM -> request.app() + "_custom";
            default -> request.kind().parameter();
        };
        TableWriter writer = new ProgressWriter(request.format().open(out, sheet, lineEnd), rowsWritten);
        try {
            if (request.kind() == ExportKind.CUSTOM) {
                CustomExport.write(customExports.rows(request.app(), sessionIds), writer);
            } else {
                Settings settings = settingsService.settings();
                try (Connection connection = dataSource.getConnection()) {
                    switch (request.kind()) {
                        case PAGE_TIMES -> PageTimesExport.write(connection, sessionIds, writer);
                        case WIDE -> WideExport.write(connection, sessionIds, settings.participantFields(),
                                settings.sessionFields(), this::columns, writer);
                        case APP -> AppExport.write(connection, sessionIds, columns(request.app()), writer);
                        case CUSTOM -> throw new IllegalStateException("written above");
                    }
                }
            }
        } catch (Exception | Error e) {
            writer.abort(); // a failed export must not end as a complete-looking file
            throw e;
        }
        writer.close();
    }

    /** An app's declared fields; an app that is no longer installed keeps only the built-in columns. */
    AppColumns columns(String app) {
        AppModel model = apps.all().get(app);
        if (model == null) {
            return AppColumns.builtInOnly(app);
        }
        return new AppColumns(app, names(model.playerFields()), names(model.groupFields()),
                names(model.subsessionFields()));
    }

    private static List<String> names(List<FieldSpec> fields) {
        return fields.stream().map(FieldSpec::name).toList();
    }
}
