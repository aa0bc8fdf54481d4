package org.arborlab.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The example study's EAR ({@code examples/lab-study}: Arbor with the sample apps in {@code lib/}, built from the
 * study template as a lab's study is), deployed unchanged by Arquillian to the Payara Server that
 * {@code mvn verify} starts (see ear/pom.xml), and exercised over HTTP from the outside.
 *
 * <p>Runs {@link ServerSmokeSuite} (the suite every server runs) and Payara-specific checks. Arquillian deploys
 * once per test class (a deployment takes several seconds): add further HTTP tests as methods here, using
 * {@link #http}; split into another class only for a different deployment.
 */
@ExtendWith(ArquillianExtension.class)
class EarOnPayaraServerIT extends ServerSmokeSuite {
    /** The deployment name Arquillian gives the EAR (its file name without the extension). */
    private static final String APPLICATION = new File(System.getProperty("arbor.ear", "lab-study.ear")).getName()
            .replaceFirst("\\.ear$", "");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("arbor.ear", "target/arbor.ear"));
        assertTrue(ear.isFile(), () -> ear + " is missing: run the build through the package phase");
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    @ArquillianResource
    URL applicationUrl;

    /** One client for all tests (a new test instance per method; the admin login's cookie is kept). */
    private static ArborHttp http;

    @BeforeEach
    void connect() {
        if (http == null) {
            http = new ArborHttp(applicationUrl);
        }
    }

    @Override
    ArborHttp http() {
        return http;
    }

    @Override
    void undeploy() throws Exception {
        asadmin("undeploy", APPLICATION);
    }

    /** The same name Arquillian used, so that its undeploy at the end still finds the application. */
    @Override
    void deploy() throws Exception {
        asadmin("deploy", "--name", APPLICATION, "--force=true", new File(System.getProperty("arbor.ear")).getAbsolutePath());
    }

    /** Payara's asadmin (the server's own client jar) against the test domain's admin port. */
    private static void asadmin(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("payara.it.home"), "glassfish", "lib", "client", "appserver-cli.jar")
                        .toString(), "--host", "127.0.0.1", "--port", System.getProperty("payara.it.admin.port", "24848")));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ": " + output);
    }

    @Test
    void reportsTheOtreeVersionItImplements() {
        // the test domain runs under DEMO, where every REST endpoint needs the key (as in oTree)
        HttpResponse<String> response = http.getWithBody("api/otree_version", REST_KEY, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        ArborHttp.assertStatus(200, response);
        JsonObject version = ArborHttp.jsonObject(response);
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
}
