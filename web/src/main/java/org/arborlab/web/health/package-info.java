/**
 * Readiness (the database) and liveness (the application): as MicroProfile Health checks where the server has
 * MicroProfile Health, and served by Arbor itself at the same paths and in the same JSON where it has not.
 */
package org.arborlab.web.health;
