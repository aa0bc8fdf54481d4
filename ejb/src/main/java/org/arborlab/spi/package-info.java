/**
 * The app SPI: what an experimenter implements to add an experiment app to Arbor.
 *
 * <p>An app is a CDI bean (annotate it {@code @ApplicationScoped}) extending {@link org.arborlab.spi.App}.
 * Arbor finds every such bean at start-up; a session config names apps in its {@code app_sequence}.
 */
package org.arborlab.spi;
