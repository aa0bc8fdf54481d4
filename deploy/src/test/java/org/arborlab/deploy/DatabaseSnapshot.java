package org.arborlab.deploy;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every row of every Arbor table, to prove that a rejected request changed nothing. The tables come from the
 * database's own catalogue (every table of Arbor's schema), so a table added later is covered without a list
 * to keep up to date.
 */
final class DatabaseSnapshot {

    private DatabaseSnapshot() {
    }

    /**
     * Arbor's tables in the current database (MySQL) or schema (H2), in name order, each quoted as the catalogue
     * spells it (H2 keeps Flyway's history table in lower case and the migrations' tables in upper case).
     */
    static List<String> tables(EntityManager em) {
        String url = System.getenv("DATABASE_URL");
        boolean mysql = url != null && url.startsWith("mysql://");
        List<String> tables = new ArrayList<>();
        for (Object name : em.createNativeQuery("select table_name from information_schema.tables where table_schema = "
                + (mysql ? "DATABASE()" : "SCHEMA()") + " order by table_name").getResultList()) {
            tables.add(mysql ? "`" + name + "`" : "\"" + name + "\"");
        }
        if (tables.stream().noneMatch(t -> t.equalsIgnoreCase("\"arbor_session\"") || t.equalsIgnoreCase("`arbor_session`"))) {
            throw new AssertionError("the catalogue lists no Arbor tables: " + tables);
        }
        return tables;
    }

    static Map<String, List<String>> take(EntityManager em) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables(em)) {
            List<String> content = new ArrayList<>();
            for (Object row : em.createNativeQuery("select * from " + table + " order by 1").getResultList()) {
                content.add(row instanceof Object[] columns ? Arrays.deepToString(columns) : String.valueOf(row));
            }
            rows.put(table.substring(1, table.length() - 1).toLowerCase(Locale.ROOT), content);
        }
        return rows;
    }
}
