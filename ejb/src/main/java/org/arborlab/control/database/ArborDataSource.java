package org.arborlab.control.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arborlab.control.Configuration;

/**
 * The connection factory behind Arbor's container-managed pool ({@code java:app/jdbc/arbor}, declared on
 * {@link SchemaMigrator}). It reads {@code DATABASE_URL} and {@code ARBOR_DATA} itself, so the same
 * application needs no server-side set-up on any server: the server pools and enlists the connections, this
 * class only opens them. It reads them through {@link Configuration}, not MicroProfile Config: servers open the
 * pool while JPA prepares the application, before their Config implementation is registered.
 */
public class ArborDataSource implements DataSource {
    private static final Logger LOG = Logger.getLogger(ArborDataSource.class.getName());

    private volatile DatabaseUrl url;
    private volatile Driver driver;
    private int loginTimeout;
    private PrintWriter logWriter;
    private String description;

    /** Where this instance connects, resolved once from the configuration. */
    public DatabaseUrl databaseUrl() {
        DatabaseUrl current = url;
        if (current == null) {
            current = DatabaseUrl.resolve(Configuration.value("DATABASE_URL").orElse(null),
                    Configuration.value("ARBOR_DATA").orElse(null));
            LOG.info("Arbor database: " + current);
            current.notes().forEach(LOG::warning);
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
        // Pools pass the credentials they were configured with: null on Payara, "" on GlassFish. Neither means
        // "no user": both mean the URL's.
        boolean own = user != null && !user.isEmpty();
        properties.setProperty("user", own ? user : target.user());
        properties.setProperty("password", own && password != null ? password : target.password());
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

    /**
     * JDBC's standard {@code description} property, given by the pool's properties. It matters on WildFly: its pool
     * refuses a data source class that receives no property it has a setter for.
     */
    public void setDescription(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
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
