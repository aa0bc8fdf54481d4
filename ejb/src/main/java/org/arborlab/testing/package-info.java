/**
 * Testing apps in plain JUnit, without a server or a database: {@link org.arborlab.testing.TestSession} builds a
 * session of an app sequence in memory and plays it through the engine's runtime (the same page flow, forms,
 * wait pages and hooks as on the server), with a {@link org.arborlab.testing.ManualClock} for timeouts;
 * {@link org.arborlab.testing.TestSession#playBots()} plays the apps' bots to the end with the checks of the
 * HTTP bot runner, failing at once with the bot, participant and page that went wrong.
 */
package org.arborlab.testing;
