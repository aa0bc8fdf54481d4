import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What durable commits cost on the embedded database: small transactions (an insert and an update, about what
 * a REST vars post writes) committed by 1 and 16 threads, with H2's default write delay (500 ms: a commit
 * returns before it is written) and with WRITE_DELAY=0 (Arbor's setting: written before the commit returns).
 *
 *   javac -d /tmp/bench deploy/bench/H2CommitBenchmark.java
 *   java -cp /tmp/bench:$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar H2CommitBenchmark 10
 */
public class H2CommitBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (int threads : new int[] {1, 16}) {
            for (String delay : new String[] {"500", "0"}) {
                Path dir = Files.createTempDirectory("h2bench");
                String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + delay;
                try (Connection setup = DriverManager.getConnection(url, "sa", "");
                        Statement s = setup.createStatement()) {
                    s.execute("create table vars (id bigint primary key, body varchar(2000))");
                    s.execute("create table audit (id bigint auto_increment primary key, at bigint, what varchar(200))");
                    for (int i = 0; i < 1000; i++) {
                        s.execute("insert into vars values (" + i + ", '{}')");
                    }
                }
                run(url, threads, 3); // warm-up
                double rate = run(url, threads, seconds);
                System.out.printf("threads %2d  WRITE_DELAY=%-3s  %,8.0f commits/s%n", threads, delay, rate);
                try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                    s.execute("shutdown");
                }
            }
        }
    }

    private static double run(String url, int threads, int seconds) throws Exception {
        LongAdder commits = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement update = c.prepareStatement("update vars set body = ? where id = ?");
                    PreparedStatement audit = c.prepareStatement("insert into audit (at, what) values (?, ?)");
                    for (long i = 0; System.nanoTime() < end; i++) {
                        update.setString(1, "{\"k\": " + i + ", \"nested\": {\"i\": " + i + "}}");
                        update.setLong(2, (worker * 61 + i) % 1000);
                        update.executeUpdate();
                        audit.setLong(1, System.currentTimeMillis());
                        audit.setString(2, "participant_vars.post " + i);
                        audit.executeUpdate();
                        c.commit();
                        commits.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        return commits.sum() / (double) seconds;
    }
}
