package org.arborlab.control.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads a query page by page, keyed by the id in its first column: each page is one short query, so neither
 * the database driver nor Arbor holds more than a page of rows, on H2 and MySQL alike.
 */
final class Keyset {
    static final int PAGE = 5_000;

    interface RowHandler {
        void handle(ResultSet row) throws Exception;
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws Exception;
    }

    interface PageHandler<T> {
        void handle(List<T> page) throws Exception;
    }

    private Keyset() {
    }

    /**
     * @param sql a query whose first column is the id; parameters: the id to start after, then {@code extra},
     *            then the page size (the query ends in {@code ORDER BY <id> LIMIT ?})
     */
    static void forEach(Connection connection, String sql, List<?> extra, RowHandler handler) throws Exception {
        forEachPage(connection, sql, extra, PAGE, row -> {
            handler.handle(row);
            return null;
        }, page -> { });
    }

    static void forEach(Connection connection, String sql, RowHandler handler) throws Exception {
        forEach(connection, sql, List.of(), handler);
    }

    /** Maps the rows of each page, then hands the page over (for work done per page, such as a second query). */
    static <T> void forEachPage(Connection connection, String sql, List<?> extra, int pageSize, RowMapper<T> mapper,
            PageHandler<T> handler) throws Exception {
        long after = Long.MIN_VALUE;
        while (true) {
            List<T> page = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setLong(i++, after);
                for (Object value : extra) {
                    statement.setObject(i++, value);
                }
                statement.setInt(i, pageSize);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        T mapped = mapper.map(rs);
                        if (mapped != null) {
                            page.add(mapped);
                        }
                        rows++;
                    }
                }
            }
            if (!page.isEmpty()) {
                handler.handle(page);
            }
            if (rows < pageSize) {
                return;
            }
        }
    }

    /** {@code (1,2,3)} for ids Arbor itself looked up (numbers only, so no injection is possible). */
    static String inList(Collection<Long> ids) {
        StringBuilder sql = new StringBuilder("(");
        for (Long id : ids) {
            if (sql.length() > 1) {
                sql.append(',');
            }
            sql.append(id.longValue());
        }
        return sql.append(')').toString();
    }
}
