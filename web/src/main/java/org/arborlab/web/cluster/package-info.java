/**
 * What several Arbor instances behind one load balancer share besides the database: messages between instances
 * (wait-page releases, live-view refreshes) and a few small maps (who waits in a room, export progress, failed
 * logins). On Payara the shared parts live on Payara's data grid (Hazelcast, built into Payara Micro and Payara
 * Server); elsewhere, or with the data grid off, they stay in this instance's memory ({@link Grid} chooses).
 */
package org.arborlab.web.cluster;
