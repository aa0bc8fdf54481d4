/**
 * Where the engine's runtime keeps its rows: the {@link org.arborlab.control.engine.storage.Storage} interface,
 * its JPA implementation for the server (row locks, named queries) and an in-memory one that lets a test play
 * whole sessions in plain Java, without a container or a database.
 */
package org.arborlab.control.engine.storage;
