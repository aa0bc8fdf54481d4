package org.arborlab.control.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.arborlab.control.database.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-row per-app export as CSV and as .xlsx, and the 10,000-participant wide export, in a JVM whose heap
 * is capped (surefire runs this class with -Xmx96m, see ejb/pom.xml): memory must not grow with the rows.
 */
class BoundedHeapExportTest {

    @Test
    void bigExportsFitInASmallHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 128L * 1024 * 1024, "run with a capped heap, got " + maxHeap / (1 << 20) + " MiB");
        Path dir = Files.createTempDirectory(Path.of("target"), "bounded-heap-");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("export") + ";CACHE_SIZE=8192");
        SchemaMigrator.configure(db, getClass().getClassLoader()).load().migrate();
        try (Connection c = db.getConnection()) {
            long start = System.nanoTime();
            ExportFixture.fill(c, 1, 10_000, 10);
            System.out.printf("filled 100,000 player rows in %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (ExportFormat format : ExportFormat.values()) {
                start = System.nanoTime();
                ExportFixture.CountingStream csvOut = new ExportFixture.CountingStream();
                RowCounter rows = new RowCounter(format.open(csvOut, "bench", "\r\n"));
                try (rows) {
                    AppExport.write(c, null, ExportFixture.APP, rows);
                }
                assertEquals(100_001, rows.rows, format + " per-app rows (with header)");
                assertTrue(csvOut.bytes > 1_000_000, format + " wrote " + csvOut.bytes);
                System.out.printf("per-app export, 100,000 rows, %s: %.1f s%n", format, (System.nanoTime() - start) / 1e9);
            }
            RowCounter wide = new RowCounter(ExportFormat.CSV.open(new ExportFixture.CountingStream(), "w", "\r\n"));
            try (wide) {
                WideExport.write(c, null, java.util.List.of("finished"), java.util.List.of(), a -> ExportFixture.APP,
                        wide);
            }
            assertEquals(10_001, wide.rows);
        }
    }

    /** Passes rows on and counts them. */
    static final class RowCounter implements TableWriter {
        private final TableWriter target;
        long rows;

        RowCounter(TableWriter target) {
            this.target = target;
        }

        @Override
        public void row(java.util.List<?> values) throws java.io.IOException {
            rows++;
            target.row(values);
        }

        @Override
        public void close() throws java.io.IOException {
            target.close();
        }
    }
}
