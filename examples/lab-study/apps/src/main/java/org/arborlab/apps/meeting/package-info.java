/**
 * The meeting game: the two of a pair talk in a chat ({@code <arbor:chat/>}), then each chooses a meeting point on
 * their own; they earn only if they chose the same. Its bots agree in the chat before they choose.
 */
package org.arborlab.apps.meeting;
