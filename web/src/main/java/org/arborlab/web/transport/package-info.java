/**
 * How requests arrive ({@link BodyFirstFilter}): no request thread waits for a body (one still arriving is read
 * without a thread and the request dispatched again with it), bodies over 2 MiB get 413, bodies not in within
 * 20 s get 408, methods no page answers get 405, each with a page (or problem JSON under /api).
 */
package org.arborlab.web.transport;
