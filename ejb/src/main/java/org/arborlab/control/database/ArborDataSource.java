package org.arborlab.control.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection factory behind Arbor's container-managed pool ({@code java:app/jdbc/arbor}, declared on
 * {@link SchemaMigrator}). It reads {@code DATABASE_URL} and {@code ARBOR_DATA} itself, so the same
 * application needs no server-side set-up on Payara Micro or on Payara Server: the server pools and enlists
 * the connections, this class only opens them.
 */
public class ArborDataSource implements DataSource {
    private static final Logger LOG = Logger.getLogger(ArborDataSource.class.getName());

    private volatile DatabaseUrl url;
    private volatile Driver driver;
    private int loginTimeout;
    private PrintWriter logWriter;

    /** Where this instance connects, resolved once from the configuration. */
    public DatabaseUrl databaseUrl() {
        DatabaseUrl current = url;
        if (current == null) {
            Config config = ConfigProvider.getConfig(ArborDataSource.class.getClassLoader());
            current = DatabaseUrl.resolve(config.getOptionalValue("DATABASE_URL", String.class).orElse(null),
                    config.getOptionalValue("ARBOR_DATA", String.class).orElse(null));
            LOG.info("Arbor database: " + current);
            url = current;
        }
        return current;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseUrl target = databaseUrl();
        return getConnection(target.user(), target.password());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        DatabaseUrl target = databaseUrl();
        Properties properties = new Properties();
        properties.setProperty("user", user == null ? target.user() : user);
        properties.setProperty("password", password == null ? target.password() : password);
        Connection connection = driver(target).connect(target.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts " + target.jdbcUrl());
        }
        return connection;
    }

    private Driver driver(DatabaseUrl target) {
        Driver current = driver;
        if (current == null) {
            current = switch (target.kind()) {
                case H2 -> new org.h2.Driver();
                case MYSQL -> newMysqlDriver();
            };
            driver = current;
        }
        return current;
    }

    private static Driver newMysqlDriver() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the MySQL driver", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
