/**
 * The reaction-time task: trials kept as an extra model ({@link org.arborlab.spi.ExtraModel}), any number per
 * participant, and a custom export with one row per trial.
 */
package org.arborlab.apps.reaction;
