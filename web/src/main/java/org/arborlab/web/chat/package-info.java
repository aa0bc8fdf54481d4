/**
 * The chat's HTTP side: a participant's conversation with the experimenter ({@code /chat/p/<participant code>}),
 * the experimenter's side from the monitor ({@code /chat/session/<session code>/<participant code>}), and oTree's
 * chat export {@code /chat_export}. Messages are pushed at once over the pages' WebSockets.
 */
package org.arborlab.web.chat;
