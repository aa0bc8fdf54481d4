/**
 * Data export: the all-apps wide table, per-app tables, page times and custom exports, as CSV or .xlsx.
 *
 * <p>Exports stream: rows are read from the database in pages keyed by id and written as they are read, so
 * memory stays flat whatever the number of rows. Column names and cell formatting follow oTree 5's exports
 * (column order and names, blank for missing, 1/0 for booleans), so analysis scripts written for oTree read them
 * unchanged.
 */
package org.arborlab.control.export;
