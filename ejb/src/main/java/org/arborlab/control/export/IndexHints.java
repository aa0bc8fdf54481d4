package org.arborlab.control.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Index hints for MySQL and MariaDB. Their optimizers choose join orders from table statistics, which lag behind
 * a large batch of new rows: right after a session's data arrived, MariaDB was seen answering a page of 5,000
 * players by id by reading every player of the app instead (0.5 s a page instead of 0.1 s; a 1,000,000-row
 * export took minutes). Exports read along known indexes, so they say which. H2 plans these queries right.
 */
final class IndexHints {
    private final boolean mysql;

    IndexHints(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        this.mysql = product.contains("mysql") || product.contains("mariadb");
    }

    /** {@code FORCE INDEX (index)} on MySQL and MariaDB, nothing elsewhere; goes right after the table alias. */
    String force(String index) {
        return mysql ? " FORCE INDEX (" + index + ")" : "";
    }
}
