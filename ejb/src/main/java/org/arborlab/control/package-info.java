/**
 * Control layer: the EJB services that own Arbor's behaviour (session lifecycle, rooms and labels, vars,
 * exports) and the start-up work (settings, schema migrations).
 *
 * <p>Boundaries in the web module call exactly one service method per request. Services are transactional:
 * a failure throws an {@link org.arborlab.control.ArborException} subclass, which rolls the transaction back,
 * so a rejected request writes nothing.
 */
package org.arborlab.control;
