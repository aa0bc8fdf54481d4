package org.arborlab.control.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns oTree's {@code DATABASE_URL} ({@code mysql://user:password@host:3306/db}) into JDBC settings; without
 * it, Arbor uses an embedded H2 database file under {@code ARBOR_DATA} (default {@code ./data}).
 *
 * <p>Options in the URL's query string are merged with Arbor's {@link #MYSQL_DEFAULTS}: an option Arbor does not
 * set is added, one that overrides Arbor's value wins and is explained in {@link #notes()} (logged at start-up).
 * {@code user} and {@code password} options count as the URL's credentials when it has none before the host.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, Kind kind, List<String> notes) {

    public enum Kind { H2, MYSQL }

    /**
     * MySQL options applied unless the URL's query string sets them. Besides UTF-8 and UTC: the driver keeps
     * autocommit and isolation in memory instead of asking the server around every transaction (Arbor changes
     * them only through JDBC), reads the server's settings once per pool, and sends a batch of inserts as one
     * multi-row statement (a 1,000-participant session is a few statements, not thousands).
     */
    static final String MYSQL_DEFAULTS = "characterEncoding=UTF-8&connectionTimeZone=UTC&useLocalSessionState=true"
            + "&cacheServerConfiguration=true&rewriteBatchedStatements=true";

    /** Why each default is there, for the start-up note when a URL overrides it. */
    private static final Map<String, String> WHY = Map.of(
            "characterEncoding", "participants' text in any language is stored as UTF-8",
            "connectionTimeZone", "times are stored and exported in UTC",
            "useLocalSessionState", "saves a round trip per transaction",
            "cacheServerConfiguration", "saves reading the server's settings per connection",
            "rewriteBatchedStatements", "creating a large session sends a few statements instead of thousands");

    /** The embedded database's options: kept open while the server runs, every commit written at once. */
    static final String H2_OPTIONS = "DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    public DatabaseUrl {
        notes = List.copyOf(notes);
    }

    public static DatabaseUrl resolve(String databaseUrl, String dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().normalize();
            // WRITE_DELAY=0: H2 writes every commit to its file before the commit returns (its default delays the
            // write by up to 500 ms, and a killed server lost acknowledged answers); see README, "Durability"
            return new DatabaseUrl("jdbc:h2:file:" + dir.resolve("arbor") + ";" + H2_OPTIONS, "arbor", "",
                    Kind.H2, List.of());
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
        Map<String, String> options = options(MYSQL_DEFAULTS);
        Map<String, String> given = options(uri.getRawQuery());
        List<String> notes = new ArrayList<>();
        given.forEach((name, value) -> {
            String builtIn = options.get(name);
            if (builtIn != null && !builtIn.equalsIgnoreCase(value)) {
                notes.add("DATABASE_URL sets " + name + "=" + value + " instead of Arbor's " + name + "=" + builtIn
                        + " (" + WHY.get(name) + "); the URL's value is used");
            }
        });
        options.putAll(given);
        if (userInfo == null && options.containsKey("user")) {
            user = decode(options.get("user"));
            password = decode(options.getOrDefault("password", ""));
        }
        StringBuilder jdbc = new StringBuilder("jdbc:mysql://").append(uri.getHost()).append(':').append(port)
                .append(uri.getRawPath()).append('?');
        options.forEach((name, value) -> {
            if (!name.equals("user") && !name.equals("password")) {
                jdbc.append(name).append('=').append(value).append('&');
            }
        });
        jdbc.setLength(jdbc.length() - 1);
        return new DatabaseUrl(jdbc.toString(), user, password, Kind.MYSQL, notes);
    }

    /** {@code a=1&b=2} in order, names as written, values still URL-encoded (as the JDBC URL takes them). */
    private static Map<String, String> options(String query) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    options.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
        }
        return options;
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
