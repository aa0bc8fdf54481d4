/**
 * Entity layer: the platform's JPA entities and typed identifiers.
 *
 * <p>The schema is fixed and owned by the Flyway migrations in {@code db/migration}; JPA never generates DDL.
 * App-defined fields live in the JSON documents of {@link org.arborlab.entity.Player},
 * {@link org.arborlab.entity.Group} and {@link org.arborlab.entity.Subsession}, so a new or changed experiment
 * app never needs a migration. Entities hold state and enforce their own invariants; they call no services.
 */
package org.arborlab.entity;
