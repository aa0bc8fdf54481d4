/** A real-time public-goods game: contributions change on a live page and every group member sees them at once. */
package org.arborlab.apps.livepublicgoods;
