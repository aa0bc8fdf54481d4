package org.arborlab.control.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at start-up with the Flyway migrations in {@code db/migration}. Flyway takes a
 * database lock, so several instances starting against one MySQL database migrate once, one after another.
 * Bean-managed transactions: Flyway commits its own work.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(name = SchemaMigrator.DATA_SOURCE,
        className = "org.arborlab.control.database.ArborDataSource",
        minPoolSize = 1, maxPoolSize = 32, transactional = true,
        // Reusing prepared statements per connection saves re-parsing the same few queries on every request.
        // FIXED: an unset cache type fails in Payara 6 (payara/Payara#6647); Arbor has few distinct queries.
        // description: WildFly's pool needs at least one property the class can take (ArborDataSource#setDescription)
        properties = {"fish.payara.statement-cache-size=64", "fish.payara.statement-cache-type=FIXED",
            "description=Arbor"})
// Id blocks are reserved outside the request's transaction (persistence.xml names this pool), so the row lock
// on the id table lasts one short statement pair instead of a whole request: on MySQL every request that
// needed a new block otherwise queued behind the slowest transaction holding it.
@DataSourceDefinition(name = SchemaMigrator.ID_DATA_SOURCE,
        className = "org.arborlab.control.database.ArborDataSource",
        minPoolSize = 1, maxPoolSize = 4, transactional = false, properties = "description=Arbor id blocks")
public class SchemaMigrator {
    public static final String DATA_SOURCE = "java:app/jdbc/arbor";
    public static final String ID_DATA_SOURCE = "java:global/arbor/jdbc/ids";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = configure(dataSource, SchemaMigrator.class.getClassLoader()).load();
        MigrateResult result = flyway.migrate();
        if (flyway.info().current() == null) {
            // Flyway logs an unreadable classpath location and carries on: stop here rather than fail later on
            // missing tables (Open Liberty needed db/migration/flyway.location to list the migrations)
            throw new IllegalStateException("Arbor's database migrations (db/migration) were not found on the "
                    + "class path; the schema cannot be set up");
        }
        LOG.info(() -> "Arbor schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, database " + result.database + ")");
    }

    /** One configuration for start-up and for tests. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource,
            ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("arbor_schema_history")
                .placeholders(Map.of("table_options", tableOptions(dataSource)));
    }

    /** MySQL tables get InnoDB and a case-sensitive utf8mb4 collation; codes and labels are case-sensitive. */
    static String tableOptions(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb")
                    ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the Arbor database: " + e.getMessage(), e);
        }
    }
}
