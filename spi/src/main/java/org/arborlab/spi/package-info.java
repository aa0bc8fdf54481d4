/**
 * The app SPI: what an experimenter implements to add an experiment app to Arbor. It is its own artifact,
 * {@code org.arborlab:arbor-spi}, and holds nothing of Arbor's engine.
 *
 * <p>An app is a CDI bean (annotate it {@code @ApplicationScoped}) extending {@link org.arborlab.spi.App}, in a
 * study project's jar (with {@code META-INF/beans.xml}). Arbor finds every such bean at start-up, wherever the jar
 * is: in the Payara Micro war's {@code WEB-INF/lib} or an EAR's {@code lib/}. A session config names apps in its
 * {@code app_sequence}. Page templates ({@code Send.xhtml}) and an admin report ({@code admin_report.xhtml}) are
 * read from the app's jar, next to the app's class.
 *
 * <h2>Compatibility promise</h2>
 * The SPI has its own version, {@link org.arborlab.spi.ArborSpi#VERSION}, in semantic versioning:
 * <ul>
 * <li>Within a major version (1.x), every public type, method, field and annotation element of this package that
 * an app uses stays, with the same meaning; new minor versions only add (new methods have defaults, so existing
 * subclasses still compile). An app built against 1.0 runs unchanged on any Arbor release with SPI 1.x.</li>
 * <li>Removals and changes of meaning come only with a new major version, and Arbor's release notes (the README's
 * "Upgrading Arbor") say what to change.</li>
 * <li>Not covered: {@link org.arborlab.spi.ModelBinding} (Arbor's side of a model object; apps never use it),
 * and anything outside this package, e.g. {@code org.arborlab.control} or {@code org.arborlab.entity}: apps must
 * not import them.</li>
 * </ul>
 */
package org.arborlab.spi;
