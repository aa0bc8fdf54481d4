package org.arborlab.control.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns oTree's {@code DATABASE_URL} ({@code mysql://user:password@host:3306/db}) into JDBC settings; without
 * it, Arbor uses an embedded H2 database file under {@code ARBOR_DATA} (default {@code ./data}).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, Kind kind) {

    public enum Kind { H2, MYSQL }

    /**
     * MySQL options applied unless the URL's query string sets them. Besides UTF-8 and UTC: the driver keeps
     * autocommit and isolation in memory instead of asking the server around every transaction (Arbor changes
     * them only through JDBC), reads the server's settings once per pool, and sends a batch of inserts as one
     * multi-row statement (a 1,000-participant session is a few statements, not thousands).
     */
    static final String MYSQL_DEFAULTS = "characterEncoding=UTF-8&connectionTimeZone=UTC&useLocalSessionState=true"
            + "&cacheServerConfiguration=true&rewriteBatchedStatements=true";

    public static DatabaseUrl resolve(String databaseUrl, String dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().normalize();
            return new DatabaseUrl("jdbc:h2:file:" + dir.resolve("arbor") + ";DB_CLOSE_ON_EXIT=FALSE", "arbor", "",
                    Kind.H2);
        }
        URI uri;
        try {
            uri = new URI(databaseUrl.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL");
        }
        String scheme = uri.getScheme();
        if (!"mysql".equals(scheme) && !"mariadb".equals(scheme)) {
            throw invalid("the scheme is \"" + scheme + "\"; Arbor supports mysql:// (MySQL and MariaDB)");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalid("it needs a host and a database name");
        }
        String user = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        String query = uri.getRawQuery();
        String options = query == null || query.isEmpty() ? MYSQL_DEFAULTS : query;
        String jdbc = "jdbc:mysql://" + uri.getHost() + ":" + port + uri.getRawPath() + "?" + options;
        return new DatabaseUrl(jdbc, user, password, Kind.MYSQL);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        // never echo the URL: it carries the password
        return new IllegalArgumentException("DATABASE_URL must look like mysql://user:password@host:3306/database;"
                + " " + why);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + "]";
    }
}
