/**
 * Chat: the one mechanism behind the experimenter's conversation with each participant (from the session
 * monitor, live) and participants' chat channels (oTree's {@code {{ chat }}}): messages stored per session and
 * channel, and oTree's chat export ({@code /chat_export}, {@code ChatMessages-YYYY-MM-DD.csv}).
 */
package org.arborlab.control.chat;
