package org.arborlab.ear;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The smoke suite on GlassFish 7, set up by the IT guide's own script ({@code ear/servers/glassfish.sh}: domain,
 * loopback binding, GET-body setting, Arbor's settings as JVM options, deploy) and redeployed by it. Runs in the
 * MySQL pass ({@code -Pmysql}); the build starts the domain before the tests (src/test/glassfish/glassfish.xml).
 */
class GlassFishIT extends GuideScriptSuite {
    private static final GuideScript SCRIPT = new GuideScript("glassfish", Map.of(
            "GLASSFISH_HOME", "glassfish.it.home",
            "DOMAIN_DIR", "glassfish.it.domains",
            "PORT_BASE", "glassfish.it.port-base"));
    private static ArborHttp http;

    @BeforeAll
    static void connect() {
        http = SCRIPT.connect("GlassFish runs in the MySQL pass (-Pmysql)");
    }

    @Override
    ArborHttp http() {
        return http;
    }

    @Override
    GuideScript script() {
        return SCRIPT;
    }
}
