package org.arborlab.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real {@code arbor.ear}, as built by this module, deployed by Arquillian to the Payara Server that
 * {@code mvn verify} starts (see ear/pom.xml), and exercised over HTTP from the outside.
 *
 * <p>Arquillian deploys once per test class (a deployment takes several seconds): add further HTTP tests as
 * methods here, using {@link #http}; split into another class only for a different deployment.
 */
@ExtendWith(ArquillianExtension.class)
class EarOnPayaraServerIT {
    /** The deployment name Payara gives arbor.ear (its file name without the extension). */
    private static final String APPLICATION = "arbor";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("arbor.ear", "target/arbor.ear"));
        assertTrue(ear.isFile(), () -> ear + " is missing: run the build through the package phase");
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    @ArquillianResource
    URL applicationUrl;

    ArborHttp http;

    @BeforeEach
    void connect() {
        http = new ArborHttp(applicationUrl);
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        JsonObject health = http.getJsonObject("/health/ready");
        assertEquals("UP", health.getString("status"), health::toString);
        JsonObject database = check(health, "database")
                .orElseThrow(() -> new AssertionError("no readiness check \"database\": " + health));
        assertEquals("UP", database.getString("status"), database::toString);
        String product = database.getJsonObject("data").getString("product");
        if (usesMysql()) {
            assertTrue(Set.of("MySQL", "MariaDB").contains(product), () -> "database product " + product);
        } else {
            assertEquals("H2", product);
        }
    }

    @Test
    void livenessIsUp() {
        JsonObject health = http.getJsonObject("/health/live");
        assertEquals("UP", health.getString("status"), health::toString);
        JsonObject arbor = check(health, "arbor")
                .orElseThrow(() -> new AssertionError("no liveness check \"arbor\": " + health));
        assertEquals("UP", arbor.getString("status"), arbor::toString);
    }

    @Test
    void reportsTheOtreeVersionItImplements() {
        JsonObject version = http.getJsonObject("api/otree_version");
        assertEquals("6.0.1b1", version.getString("version"));
        assertFalse(version.getString("arbor_version").isBlank(), version::toString);
    }

    @Test
    void startPageListsTheSessionConfigs() {
        HttpResponse<String> page = http.get("");
        ArborHttp.assertStatus(200, page);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                () -> "Content-Type " + page.headers().firstValue("Content-Type"));
        // rendered by Faces, not served as raw .xhtml
        assertFalse(page.body().contains("ui:repeat"), page::body);
        assertTrue(page.body().contains("Trust game"), page::body);
        assertTrue(page.body().contains("<code>trust</code>"), page::body);
    }

    /** Payara deployed an enterprise application with both modules, not just a web application. */
    @Test
    void isDeployedAsAnEnterpriseApplicationWithBothModules() {
        // the admin REST interface, on the port Arquillian deployed through
        URI modulesUri = URI.create("http://127.0.0.1:" + System.getProperty("payara.it.admin.port", "24848")
                + "/management/domain/applications/application/" + APPLICATION + "/module");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(modulesUri)
                .header("Accept", "application/json").GET());
        ArborHttp.assertStatus(200, response);
        JsonObject modules = ArborHttp.jsonObject(response).getJsonObject("extraProperties")
                .getJsonObject("childResources");
        assertEquals(Set.of("arbor-ejb.jar", "arbor-web.war"), modules.keySet(), modules::toString);
    }

    private static Optional<JsonObject> check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name")))
                .findFirst();
    }

    /** -Pmysql sets arbor.test.database-url; without it the server runs on embedded H2. */
    private static boolean usesMysql() {
        return !System.getProperty("arbor.test.database-url", "").isBlank();
    }
}
