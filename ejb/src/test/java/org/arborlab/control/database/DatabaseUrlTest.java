package org.arborlab.control.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void withoutDatabaseUrlUsesH2UnderTheDataDirectory() {
        DatabaseUrl url = DatabaseUrl.resolve(null, "/srv/arbor-data");
        assertEquals(DatabaseUrl.Kind.H2, url.kind());
        assertEquals("jdbc:h2:file:/srv/arbor-data/arbor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", url.jdbcUrl());
        String relative = DatabaseUrl.resolve("", null).jdbcUrl();
        assertTrue(relative.startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()), relative);
    }

    @Test
    void mysqlUrlBecomesJdbcWithDecodedCredentials() {
        DatabaseUrl url = DatabaseUrl.resolve("mysql://arbor:p%40ss%3Aword@db.example.org/otree", null);
        assertEquals(DatabaseUrl.Kind.MYSQL, url.kind());
        assertEquals("jdbc:mysql://db.example.org:3306/otree?" + DatabaseUrl.MYSQL_DEFAULTS, url.jdbcUrl());
        assertEquals("arbor", url.user());
        assertEquals("p@ss:word", url.password());
    }

    @Test
    void queryOptionsAreAddedToTheDefaultsAndThePortIsKept() {
        DatabaseUrl url = DatabaseUrl.resolve("mysql://root:@127.0.0.1:3307/t?sslMode=REQUIRED", null);
        assertEquals("jdbc:mysql://127.0.0.1:3307/t?" + DatabaseUrl.MYSQL_DEFAULTS + "&sslMode=REQUIRED", url.jdbcUrl());
        assertEquals("", url.password());
        assertTrue(url.notes().isEmpty(), url.notes()::toString);
    }

    @Test
    void anOptionOverridingADefaultWinsAndIsExplained() {
        DatabaseUrl url = DatabaseUrl.resolve(
                "mysql://root:@h/t?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionTimeZone=SERVER", null);
        assertEquals("jdbc:mysql://h:3306/t?characterEncoding=UTF-8&connectionTimeZone=SERVER"
                + "&useLocalSessionState=true&cacheServerConfiguration=true&rewriteBatchedStatements=true"
                + "&createDatabaseIfNotExist=true", url.jdbcUrl());
        assertEquals(1, url.notes().size(), url.notes()::toString);
        String note = url.notes().get(0);
        assertTrue(note.contains("connectionTimeZone=SERVER") && note.contains("connectionTimeZone=UTC")
                && note.contains("UTC"), note);
    }

    @Test
    void userAndPasswordOptionsAreTheCredentialsWhenTheUrlHasNone() {
        DatabaseUrl url = DatabaseUrl.resolve("mysql://db.example.org/otree?user=arbor&password=s%26cret", null);
        assertEquals("arbor", url.user());
        assertEquals("s&cret", url.password());
        assertFalse(url.jdbcUrl().contains("cret"), url.jdbcUrl());
        assertEquals("u", DatabaseUrl.resolve("mysql://u:p@h/db?user=other", null).user());
    }

    @Test
    void otherSchemesAreRefusedWithoutLeakingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.resolve("postgres://u:secret@h/db", null));
        assertTrue(e.getMessage().contains("postgres"));
        assertFalse(e.getMessage().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.resolve("mysql://u:p@host", null));
        assertFalse(DatabaseUrl.resolve("mysql://u:secret@h/db", null).toString().contains("secret"));
    }
}
