/**
 * The address a person used to reach Arbor, also behind a reverse proxy: {@code X-Forwarded-Proto/Host/For} from
 * a trusted proxy only ({@code ARBOR_TRUSTED_PROXIES}), or a fixed {@code ARBOR_BASE_URL}; and the session
 * cookie's {@code SameSite} and {@code Secure} attributes on servers that ignore the web.xml setting.
 */
package org.arborlab.web.proxy;
