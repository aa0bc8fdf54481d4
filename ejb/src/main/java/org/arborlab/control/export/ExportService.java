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
import javax.sql.DataSource;
import org.arborlab.control.AppRegistry;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.database.SchemaMigrator;
import org.arborlab.control.engine.AppModel;
import org.arborlab.control.engine.AppModels;
import org.arborlab.control.engine.FieldSpec;
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
    AppModels models;

    @Inject
    SettingsService settingsService;

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
        if (request.kind() == ExportKind.CUSTOM) {
            throw new InvalidInputException("kind=custom is not available yet; kind=wide, app and page_times are");
        }
        if (request.kind() == ExportKind.APP) {
            if (request.app() == null || request.app().isBlank()) {
                throw new InvalidInputException("kind=app needs the parameter app, e.g. app=trust");
            }
            if (apps.find(request.app()).isEmpty()) {
                throw new NotFoundException("App " + request.app() + " not found; installed apps: "
                        + String.join(", ", apps.all().keySet()));
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

    /** oTree's download name, e.g. {@code PageTimes-2026-11-23.csv}. */
    public String fileName(Request request) {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String base = switch (request.kind()) {
            case PAGE_TIMES -> "PageTimes";
            case WIDE -> "all_apps_wide";
            case APP -> request.app();
            case CUSTOM -> request.app() + "_custom";
        };
        return base + "-" + date + "." + request.format().extension();
    }

    public void write(@NotNull Request request, List<Long> sessionIds, @NotNull OutputStream out) throws Exception {
        // oTree writes page times with LF and every other table with CRLF (Python's csv module)
        String lineEnd = request.kind() == ExportKind.PAGE_TIMES ? "\n" : "\r\n";
        String sheet = request.kind() == ExportKind.APP ? request.app() : request.kind().parameter();
        Settings settings = settingsService.settings();
        try (Connection connection = dataSource.getConnection();
                TableWriter writer = request.format().open(out, sheet, lineEnd)) {
            switch (request.kind()) {
                case PAGE_TIMES -> PageTimesExport.write(connection, sessionIds, writer);
                case WIDE -> WideExport.write(connection, sessionIds, settings.participantFields(),
                        settings.sessionFields(), this::columns, writer);
                case APP -> AppExport.write(connection, sessionIds, columns(request.app()), writer);
                case CUSTOM -> throw new IllegalStateException("checked before");
            }
        }
    }

    /** An app's declared fields; an app that is no longer installed keeps only the built-in columns. */
    AppColumns columns(String app) {
        AppModel model = models.all().get(app);
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
