package org.arborlab.web.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request came from and which address it was sent to, as the person saw it: scheme, host and port for
 * links and the {@code Secure} cookie, and the client's address for the login throttle and the audit log.
 *
 * <p>A configured base URL ({@code ARBOR_BASE_URL}) fixes scheme, host and port. Otherwise a request from a
 * trusted proxy supplies them with {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. The client is the
 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (earlier entries may be
 * forged by the client). Requests from anyone else are taken as they arrived: their headers are ignored, and
 * without a base URL the links use the address the request was sent to.
 */
public record PublicAddress(String scheme, String host, int port, String client) {

    /** The request as it arrived, with its forwarding headers (null when absent). */
    public record Arrival(String scheme, String host, int port, String remoteAddr, String forwardedProto,
            String forwardedHost, String forwardedFor) {
    }

    public static PublicAddress of(Arrival arrival, TrustedProxies proxies, Optional<URI> baseUrl) {
        boolean trusted = proxies.trusts(arrival.remoteAddr());
        String client = trusted ? client(arrival.forwardedFor(), proxies).orElse(arrival.remoteAddr())
                : arrival.remoteAddr();
        if (baseUrl.isPresent()) {
            URI base = baseUrl.get();
            return new PublicAddress(base.getScheme(), base.getHost(), port(base.getScheme(), base.getPort()), client);
        }
        String scheme = arrival.scheme();
        String host = arrival.host();
        int port = arrival.port();
        if (trusted) {
            String proto = first(arrival.forwardedProto());
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
                port = port(scheme, -1);
            }
            String forwardedHost = first(arrival.forwardedHost());
            if (forwardedHost != null) {
                URI parsed = hostAndPort(forwardedHost);
                if (parsed != null) {
                    host = parsed.getHost();
                    port = parsed.getPort() < 0 ? port(scheme, -1) : parsed.getPort();
                }
            }
        }
        return new PublicAddress(scheme, host, port, client);
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /** {@code https://host[:port]}, the port left out when it is the scheme's default. */
    public String root() {
        boolean defaultPort = port == port(scheme, -1);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (defaultPort ? "" : ":" + port);
    }

    /** A base URL setting: absolute http(s), nothing but scheme, host and port (a trailing slash is fine). */
    public static URI parseBaseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("ARBOR_BASE_URL must look like https://arbor.example.edu (scheme,"
                    + " host and optional port only), not \"" + value + "\"");
        }
        return uri;
    }

    private static Optional<String> client(String forwardedFor, TrustedProxies proxies) {
        if (forwardedFor == null) {
            return Optional.empty();
        }
        String[] hops = forwardedFor.split(",");
        String candidate = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (TrustedProxies.literal(hop) == null) {
                break; // not an address (e.g. "unknown"): stop believing the chain here
            }
            candidate = hop;
            if (!proxies.trusts(hop)) {
                break;
            }
        }
        return Optional.ofNullable(candidate);
    }

    /** The first value of a header several proxies may have appended to. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",")[0].strip();
        return value.isEmpty() ? null : value;
    }

    private static URI hostAndPort(String value) {
        try {
            URI uri = new URI("http://" + value);
            return uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || uri.getRawUserInfo() != null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
    }
}
