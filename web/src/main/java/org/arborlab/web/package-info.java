/**
 * Boundaries only: JAX-RS resources ({@code api}), health checks ({@code health}), Faces backing beans and
 * pages ({@code admin}, {@code play}) and security mechanisms. Each validates its input, calls one service of
 * the ejb module and maps the result; no business rules live here.
 */
package org.arborlab.web;
