package org.arborlab.control.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations run on H2 and are idempotent; the MySQL run happens in the integration tests. */
class MigrationTest {

    @Test
    void migrationsCreateTheSchemaOnceAndConstraintsHold() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1");
        Flyway flyway = SchemaMigrator.configure(dataSource, getClass().getClassLoader()).load();
        int pending = flyway.info().pending().length;
        assertEquals(pending, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into arbor_session values (1, 'abcdefgh', 'mafovopo', 'trust', '{}', '', '', 0,"
                    + " false, false, 2, '{}')");
            s.execute("insert into arbor_participant (id, session_id, code, id_in_session, label, visited,"
                    + " index_in_pages, max_page_index, is_bot, payoff, vars) values"
                    + " (2, 1, 'p0000001', 1, 'LAB1', false, 0, 0, false, 0, '{}')");
            // the same label twice in one session must be impossible, whatever the timing
            assertThrows(SQLException.class, () -> s.execute("insert into arbor_participant (id, session_id, code,"
                    + " id_in_session, label, visited, index_in_pages, max_page_index, is_bot, payoff, vars) values"
                    + " (3, 1, 'p0000002', 2, 'LAB1', false, 0, 0, false, 0, '{}')"));
            s.execute("delete from arbor_session where id = 1");
            try (ResultSet rs = s.executeQuery("select count(*) from arbor_participant")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "participants are deleted with their session");
            }
        }
    }
}
