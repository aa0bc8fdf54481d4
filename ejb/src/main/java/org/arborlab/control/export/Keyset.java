package org.arborlab.control.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a query page by page, keyed by the id in its first column: each page is one short query, so neither
 * the database driver nor Arbor holds more than a page of rows, on H2 and MySQL alike.
 *
 * <p>Exports of chosen sessions walk the primary key too, over the id ranges that hold those sessions' rows
 * (rows of a session are created together, so its range holds little else), and drop other sessions' rows as
 * they read. Filtering by {@code session_id} in SQL instead makes both databases read the session through its
 * index and sort it again for every page: ten times slower for a 100,000-row session.
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

    /** The sessions to read (null: all) and the merged, ascending id ranges [first, last] that hold their rows. */
    record Scope(Set<Long> sessions, List<long[]> ranges) {
        static final Scope ALL = new Scope(null, List.<long[]>of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));

        boolean includes(long sessionId) {
            return sessions == null || sessions.contains(sessionId);
        }
    }

    private Keyset() {
    }

    /**
     * The id ranges of {@code table} (which has {@code id} and {@code session_id}) that hold the sessions' rows.
     *
     * @param sessionIds the sessions, or null for all
     */
    static Scope scope(Connection connection, String table, Collection<Long> sessionIds) throws Exception {
        if (sessionIds == null) {
            return Scope.ALL;
        }
        List<long[]> ranges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(id), MAX(id) FROM " + table + " WHERE session_id = ?")) {
            for (Long session : new LinkedHashSet<>(sessionIds)) {
                statement.setLong(1, session);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        ranges.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] range : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(range.clone());
            }
        }
        return new Scope(Set.copyOf(sessionIds), merged);
    }

    /**
     * @param sql a query whose first column is the id; parameters: the id to start after, the last id, then
     *            {@code extra}, then the page size (the query has {@code <id> > ? AND <id> <= ?} and ends in
     *            {@code ORDER BY <id> LIMIT ?}). The handler sees every row in the ranges; it checks the session.
     */
    static void forEach(Connection connection, String sql, Scope scope, List<?> extra, RowHandler handler)
            throws Exception {
        forEachPage(connection, sql, scope, extra, PAGE, row -> {
            handler.handle(row);
            return null;
        }, page -> { });
    }

    /**
     * Maps the rows of each page (a mapper may return null to drop a row), then hands the page over (for work
     * done per page, such as a second query).
     */
    static <T> void forEachPage(Connection connection, String sql, Scope scope, List<?> extra, int pageSize,
            RowMapper<T> mapper, PageHandler<T> handler) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (long[] range : scope.ranges()) {
                long after = range[0] == Long.MIN_VALUE ? Long.MIN_VALUE : range[0] - 1;
                while (true) {
                    List<T> page = new ArrayList<>();
                    int rows = 0;
                    int i = 1;
                    statement.setLong(i++, after);
                    statement.setLong(i++, range[1]);
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
                    if (!page.isEmpty()) {
                        handler.handle(page);
                    }
                    if (rows < pageSize) {
                        break;
                    }
                }
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
