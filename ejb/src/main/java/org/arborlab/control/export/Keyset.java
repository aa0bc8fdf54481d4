package org.arborlab.control.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a query page by page, keyed by the id in its first column: each page is one short query, so neither
 * the database driver nor Arbor holds more than a page of rows, on H2 and MySQL alike.
 */
final class Keyset {
    static final int PAGE = 5_000;

    interface RowHandler {
        void handle(ResultSet row) throws Exception;
    }

    private Keyset() {
    }

    /**
     * @param sql a query whose first column is the id, with {@code ?} for "id greater than" as its first
     *            parameter, ordered by that id and ending in {@code LIMIT ?}
     */
    static void forEach(Connection connection, String sql, RowHandler handler) throws Exception {
        long after = Long.MIN_VALUE;
        while (true) {
            int rows = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, after);
                statement.setInt(2, PAGE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        handler.handle(rs);
                        rows++;
                    }
                }
            }
            if (rows < PAGE) {
                return;
            }
        }
    }

    /** {@code IN (1,2,3)} for ids Arbor itself looked up (numbers only, so no injection is possible). */
    static String inList(java.util.Collection<Long> ids) {
        StringBuilder sql = new StringBuilder("(");
        for (Long id : ids) {
            if (sql.length() > 1) {
                sql.append(',');
            }
            sql.append(id.longValue());
        }
        return sql.append(')').toString();
    }

    static SQLException unwrap(Exception e) {
        return e instanceof SQLException sql ? sql : new SQLException(e);
    }
}
