package org.arborlab.control.export;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import org.arborlab.control.database.DatabaseUrl;
import org.arborlab.control.database.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Export speed and memory at scale: fills a fresh database with a 10,000-participant × 10-round session (100,000
 * player rows) plus nine more such sessions (1,000,000 player rows in all), then times the wide export of the
 * first session (10,000 rows), the per-app export of that session (100,000 rows) and of all 1,000,000 rows, as
 * CSV and .xlsx, with the peak heap of each.
 * See README, "Benchmarks". Arguments: {@code h2} or a {@code mysql://...} URL (its database is emptied), the
 * number of 100,000-row sessions (default 10), and {@code reuse} to keep a MySQL database filled by an earlier run.
 */
public final class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "h2";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        javax.sql.DataSource db = dataSource(target);
        System.out.printf(Locale.ROOT, "Export benchmark on %s, max heap %d MiB, %d cores, Java %s, load average"
                + " %.2f%n", target, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        boolean reuse = args.length > 2 && args[2].equals("reuse") && !target.equals("h2");
        try (Connection c = db.getConnection()) {
            if (reuse && playerRows(c) == sessions * 100_000L) {
                System.out.printf(Locale.ROOT, "reusing the %,d player rows already there%n", sessions * 100_000);
            } else {
                SchemaMigrator.configure(db, ExportBenchmark.class.getClassLoader()).cleanDisabled(false).load()
                        .clean();
                SchemaMigrator.configure(db, ExportBenchmark.class.getClassLoader()).load().migrate();
                long start = System.nanoTime();
                ExportFixture.fill(c, sessions, 10_000, 10);
                System.out.printf(Locale.ROOT, "filled %,d player rows in %.1f s%n", sessions * 100_000,
                        (System.nanoTime() - start) / 1e9);
            }
            long firstSession = 1_000_000;
            for (ExportFormat format : ExportFormat.values()) {
                measure("wide, 1 session, 10,000 rows", format, out -> WideExport.write(c, List.of(firstSession),
                        List.of("finished"), List.of(), a -> ExportFixture.APP, out));
                measure("per-app, 1 session, 100,000 rows", format,
                        out -> AppExport.write(c, List.of(firstSession), ExportFixture.APP, out));
                measure(String.format(Locale.ROOT, "per-app, all, %,d rows", sessions * 100_000), format,
                        out -> AppExport.write(c, null, ExportFixture.APP, out));
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long playerRows(Connection c) {
        try (var statement = c.createStatement(); var rs = statement.executeQuery("SELECT COUNT(*) FROM arbor_player")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            return -1; // no schema yet
        }
    }

    interface Export {
        void run(TableWriter out) throws Exception;
    }

    /**
     * Times one export and reports two heap figures: the peak of used heap (MemoryMXBean, sampled every 2 ms:
     * live data plus garbage not yet collected, so it follows the -Xmx the collector is given) and the peak of
     * heap still used right after a garbage collection (GC notifications: what the export really keeps).
     */
    private static void measure(String name, ExportFormat format, Export export) throws Exception {
        System.gc();
        HeapMeter heap = HeapMeter.start();
        ExportFixture.CountingStream out = new ExportFixture.CountingStream();
        long start = System.nanoTime();
        try (TableWriter writer = format.open(out, "bench", "\r\n")) {
            export.run(writer);
        } finally {
            heap.stop();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %-4s %6.1f s  %6.1f MB written  peak heap used %3d MiB,"
                + " after GC %3d MiB (%d GCs)%n", name, format, seconds, out.bytes / 1e6, heap.peakUsed >> 20,
                heap.peakAfterGc >> 20, heap.collections);
    }

    /** Peak used heap (sampled) and peak heap after GC (notified) while an export runs. */
    static final class HeapMeter implements javax.management.NotificationListener {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread sampler;
        private volatile boolean running = true;
        volatile long peakUsed;
        volatile long peakAfterGc;
        volatile int collections;

        private HeapMeter() {
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
        }

        static HeapMeter start() {
            HeapMeter meter = new HeapMeter();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(meter, null, null);
            }
            meter.sampler.start();
            return meter;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long before = 0;
            long after = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    var b = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
                    var a = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                    before += b == null ? 0 : b.getUsed();
                    after += a == null ? 0 : a.getUsed();
                }
            }
            peakUsed = Math.max(peakUsed, before);
            peakAfterGc = Math.max(peakAfterGc, after);
            collections++;
        }

        void stop() throws Exception {
            running = false;
            sampler.join();
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
            }
        }
    }

    private static javax.sql.DataSource dataSource(String target) throws Exception {
        if (target.equals("h2")) {
            Path dir = Files.createTempDirectory("arbor-export-bench");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";CACHE_SIZE=32768");
            return h2;
        }
        DatabaseUrl url = DatabaseUrl.resolve(target, null);
        return new SimpleDataSource(url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true", url.user(), url.password());
    }

    /** DriverManager behind the DataSource interface Flyway wants. */
    private record SimpleDataSource(String url, String user, String password) implements javax.sql.DataSource {
        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws java.sql.SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
