package org.arborlab.web.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.database.SchemaMigrator;
import org.arborlab.control.settings.SettingsService;

/** {@code /server_check}: version, production or debug, auth level, database. */
@Named
@RequestScoped
public class ServerCheckPage {

    @Inject
    ServerEnvironment environment;

    @Inject
    SettingsService settings;

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    public String getVersion() {
        try (InputStream in = ServerCheckPage.class.getResourceAsStream("/arbor/web-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public boolean isProduction() {
        return environment.isProduction();
    }

    public String getAuthLevel() {
        AuthLevel level = environment.authLevel();
        return level == AuthLevel.NONE ? "" : level.name();
    }

    public boolean isAdminPasswordSet() {
        return environment.adminPassword().isPresent();
    }

    public boolean isRestKeySet() {
        return environment.restKey().isPresent();
    }

    public String getSettingsSource() {
        return settings.settings().source();
    }

    /** e.g. "H2 2.2.224 (embedded)" or "MariaDB 10.11.6"; the error if the database does not answer. */
    public String getDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName();
            String version = meta.getDatabaseProductVersion();
            if (version != null && version.toLowerCase().contains("mariadb")) {
                product = "MariaDB";
            }
            return product + " " + version + (product.equals("H2") ? " (embedded)" : "");
        } catch (SQLException e) {
            return "not reachable: " + e.getMessage();
        }
    }

    public boolean isEmbeddedDatabase() {
        return getDatabase().startsWith("H2");
    }

    public String getJava() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.version");
    }
}
