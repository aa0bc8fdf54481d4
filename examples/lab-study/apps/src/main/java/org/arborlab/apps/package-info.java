/**
 * The sample experiment apps that ship with Arbor; each sub-package is one app.
 */
package org.arborlab.apps;
