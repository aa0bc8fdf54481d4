/**
 * What the admin pages show and change: session lists, archive and delete, session properties, rooms, the live
 * monitor, payments and the data tab. Plain records come out, ready for a page; every change is one transaction.
 */
package org.arborlab.control.admin;
