/**
 * Who may call a service action: Arbor's roles ({@link Role}, nested admin ⊃ experimenter ⊃ viewer), the
 * roles the boundary found for this request's caller ({@link Caller}), and the check on every action that
 * changes data ({@link RoleRequired}, enforced by {@link RoleCheck}), so that a page or endpoint that forgets
 * to ask still cannot let a viewer delete a session.
 */
package org.arborlab.control.access;
