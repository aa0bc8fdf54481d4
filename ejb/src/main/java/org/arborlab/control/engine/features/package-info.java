/**
 * What is built on the engine's runtime: arrivals through start links and rooms (with secure room URLs), demo
 * sessions, bots (planning and playing them over HTTP), admin report data and apps' custom exports.
 */
package org.arborlab.control.engine.features;
