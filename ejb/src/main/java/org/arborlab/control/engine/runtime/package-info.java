/**
 * The experiment engine's runtime: the installed apps and their page flows, the model scope that turns rows into
 * the apps' objects and writes their changes back, form fields (parsing, validation, inputs), JSON changes
 * merged into the latest stored version, wait pages and their release, page timeouts, and the start-up checks
 * of every app.
 */
package org.arborlab.control.engine.runtime;
