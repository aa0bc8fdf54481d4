package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.arborlab.control.database.DatabaseUrl;
import org.junit.jupiter.api.Test;

/**
 * Several instances sharing one MySQL database (run with -Pmysql): two Arbor instances started at the same
 * moment on an empty database migrate it once between them, and a session created through one is served by
 * the other.
 */
class TwoInstancesIT {

    @Test
    void twoInstancesStartTogetherOnOneEmptyDatabase() throws Exception {
        String base = System.getenv("DATABASE_URL");
        assumeTrue(base != null && base.startsWith("mysql://"), "needs MySQL: mvn verify -Pmysql");
        DatabaseUrl admin = DatabaseUrl.resolve(base, null);
        String server = admin.jdbcUrl().substring(0, admin.jdbcUrl().indexOf('/', "jdbc:mysql://".length()));
        String shared = DeployRun.mysqlDatabase(base, "arbor_two_instances", true);
        Map<String, String> env = Map.of("DATABASE_URL", shared);
        Path one = Files.createTempDirectory(Path.of("target"), "instance-one-");
        Path two = Files.createTempDirectory(Path.of("target"), "instance-two-");
        CompletableFuture<DeployRun> first = CompletableFuture.supplyAsync(() -> start(one, env));
        CompletableFuture<DeployRun> second = CompletableFuture.supplyAsync(() -> start(two, env));
        try (DeployRun a = first.get(); DeployRun b = second.get()) {
            HttpResponse<String> created = new Http(a.url()).post("/api/sessions",
                    "{\"session_config_name\":\"trust\",\"num_participants\":2}");
            assertEquals(200, created.statusCode(), created.body());
            String code = Json.createReader(new StringReader(created.body())).readObject().getString("code");
            HttpResponse<String> seen = new Http(b.url()).get("/api/sessions/" + code);
            assertEquals(200, seen.statusCode(), seen.body());
            assertTrue(seen.body().contains(code));
        }
        try (Connection c = DriverManager.getConnection(server + "/arbor_two_instances", admin.user(),
                admin.password()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM arbor_schema_history"
                        + " WHERE success = 1 AND version IS NOT NULL")) {
            rs.next();
            assertEquals(rs.getInt(2), rs.getInt(1), "every migration ran exactly once");
        }
    }

    private static DeployRun start(Path data, Map<String, String> env) {
        try {
            return DeployRun.start(data, env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
