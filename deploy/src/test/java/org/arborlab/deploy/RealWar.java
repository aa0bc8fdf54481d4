package org.arborlab.deploy;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that {@code deploy/run} starts: the example study's ({@code examples/lab-study}, Arbor with the sample
 * apps), copied by this module; tests deploy it unchanged.
 */
final class RealWar {

    private RealWar() {
    }

    static WebArchive load() {
        File war = new File(System.getProperty("arbor.war", "target/arbor.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
