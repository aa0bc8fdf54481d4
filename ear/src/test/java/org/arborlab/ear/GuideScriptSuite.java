package org.arborlab.ear;

/**
 * The smoke suite on a server that the IT guide's own script set up ({@link GuideScript}): the redeploy test
 * undeploys and deploys with that script, as IT would.
 */
abstract class GuideScriptSuite extends ServerSmokeSuite {

    /** The server's guide script. */
    abstract GuideScript script();

    @Override
    void undeploy() throws Exception {
        script().run("undeploy");
    }

    @Override
    void deploy() throws Exception {
        script().run("deploy");
    }
}
