package org.arborlab.control.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The credentials a server's pool passes: null (Payara) and empty strings (GlassFish) both mean the URL's. */
class ArborDataSourceTest {
    private Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("ARBOR_DATA");
    }

    @Test
    void emptyCredentialsFromThePoolMeanTheUrlsUser() throws Exception {
        Assumptions.assumeTrue(System.getenv("DATABASE_URL") == null, "needs the embedded database");
        dir = Files.createTempDirectory("arbor-ds");
        // read before MicroProfile Config exists (there is none here): the JVM option is enough
        System.setProperty("ARBOR_DATA", dir.toString());
        ArborDataSource dataSource = new ArborDataSource();
        try (Connection created = dataSource.getConnection()) { // creates the database as user "arbor"
            assertEquals("ARBOR", created.getMetaData().getUserName());
        }
        try (Connection empty = dataSource.getConnection("", "");
                Connection none = dataSource.getConnection(null, null)) {
            assertEquals("ARBOR", empty.getMetaData().getUserName());
            assertEquals("ARBOR", none.getMetaData().getUserName());
        }
    }
}
