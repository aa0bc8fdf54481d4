package org.arborlab.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.arborlab.control.database.SchemaMigrator;
import org.arborlab.control.settings.SettingsService;

/**
 * Arbor's two health checks, in one place for both ways they are served: as MicroProfile Health checks where
 * the server has MicroProfile Health (Payara), and by {@link HealthServlet} at the same paths where it has not
 * (GlassFish, WildFly's and Open Liberty's default configurations).
 */
@ApplicationScoped
public class HealthChecks {

    /** One check's outcome: its name, up or down, and what it reports. */
    public record Result(String name, boolean up, Map<String, Object> data) {
    }

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SettingsService settings;

    /** Ready when the database answers and the schema has been migrated. */
    public Result database() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from arbor_id_block")) {
            rs.next();
            return new Result("database", true, Map.of("product", connection.getMetaData().getDatabaseProductName()));
        } catch (Exception e) {
            return new Result("database", false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Alive once the application has started with valid settings. */
    public Result application() {
        return new Result("arbor", true, Map.of("session_configs", settings.settings().sessionConfigs().size()));
    }
}
