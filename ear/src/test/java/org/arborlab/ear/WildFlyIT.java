package org.arborlab.ear;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The smoke suite on WildFly (Jakarta EE 10, standalone.xml), set up by the IT guide's own script
 * ({@code ear/servers/wildfly.sh}: server directory, loopback binding and ports, EclipseLink's platform, Arbor's
 * settings as system properties, deploy) and redeployed by it. WildFly ships Hibernate, RESTEasy and no
 * MicroProfile Health: the EAR brings EclipseLink in lib/ and answers health itself. Runs in the H2 pass only
 * (not under {@code -Pmysql}); the build starts the server before the tests (src/test/wildfly/wildfly.xml).
 */
class WildFlyIT extends GuideScriptSuite {
    private static final GuideScript SCRIPT = new GuideScript("wildfly", Map.of(
            "WILDFLY_HOME", "wildfly.it.home",
            "SERVER_DIR", "wildfly.it.server-dir",
            "PORT_BASE", "wildfly.it.port-base"));
    private static ArborHttp http;

    @BeforeAll
    static void connect() {
        http = SCRIPT.connect("WildFly runs in the H2 pass (without -Pmysql)");
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
