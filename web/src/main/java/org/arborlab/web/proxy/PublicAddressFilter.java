package org.arborlab.web.proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.arborlab.control.Configuration;

/**
 * The first filter (web.xml): every later filter, servlet and JAX-RS resource sees the request as the person sent
 * it ({@link PublicAddress}: scheme, host, port and client address), and the session cookie gets
 * {@code SameSite=Lax}, plus {@code Secure} when the person's address is https. The cookie attributes are set
 * here because GlassFish ignores both web.xml's {@code SameSite} and glassfish-web.xml's, and because behind a
 * TLS-terminating proxy the server itself sees plain http.
 */
public class PublicAddressFilter extends HttpFilter {
    /** Request attribute: the {@link PublicAddress} of this request. */
    public static final String ATTRIBUTE = PublicAddress.class.getName();

    private TrustedProxies proxies;
    private Optional<URI> baseUrl;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        proxies = TrustedProxies.parse(Configuration.value("ARBOR_TRUSTED_PROXIES").orElse(null));
        baseUrl = Configuration.value("ARBOR_BASE_URL").filter(v -> !v.isBlank()).map(PublicAddress::parseBaseUrl);
    }

    /** The address of a request that passed this filter; without it, the request as it arrived. */
    public static PublicAddress of(HttpServletRequest request) {
        Object address = request.getAttribute(ATTRIBUTE);
        return address instanceof PublicAddress known ? known
                : new PublicAddress(request.getScheme(), request.getServerName(), request.getServerPort(),
                        request.getRemoteAddr());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PublicAddress address = PublicAddress.of(new PublicAddress.Arrival(request.getScheme(),
                request.getServerName(), request.getServerPort(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-Host"),
                request.getHeader("X-Forwarded-For")), proxies, baseUrl);
        request.setAttribute(ATTRIBUTE, address);
        CookieAttributes cookies = new CookieAttributes(response, address.secure());
        chain.doFilter(new PublicRequest(request, address, cookies), cookies);
        cookies.fix();
    }

    /** The request with the person's scheme, host, port and address. */
    private static final class PublicRequest extends HttpServletRequestWrapper {
        private final PublicAddress address;
        private final CookieAttributes cookies;

        PublicRequest(HttpServletRequest request, PublicAddress address, CookieAttributes cookies) {
            super(request);
            this.address = address;
            this.cookies = cookies;
        }

        @Override
        public String getScheme() {
            return address.scheme();
        }

        @Override
        public boolean isSecure() {
            return address.secure();
        }

        @Override
        public String getServerName() {
            return address.host();
        }

        @Override
        public int getServerPort() {
            return address.port();
        }

        @Override
        public String getRemoteAddr() {
            return address.client();
        }

        @Override
        public String getRemoteHost() {
            return address.client();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(address.root()).append(getRequestURI());
        }

        // the container adds the session cookie when a session is created or its id changes: fix it right away
        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            cookies.fix();
            return session;
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            cookies.fix();
            return id;
        }
    }

    /** Adds SameSite=Lax (and Secure for https) to the Set-Cookie headers of the session cookie. */
    static final class CookieAttributes extends HttpServletResponseWrapper {
        private final boolean secure;

        CookieAttributes(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            fix();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            fix();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            fix();
            super.sendError(status);
        }

        @Override
        public void flushBuffer() throws IOException {
            fix();
            super.flushBuffer();
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            fix();
            return super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            fix();
            return super.getWriter();
        }

        void fix() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            List<String> headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
            List<String> fixed = headers.stream().map(header -> withAttributes(header, secure)).toList();
            if (!fixed.equals(headers)) {
                // setHeader replaces every Set-Cookie header (a null value does not remove them on GlassFish)
                response.setHeader("Set-Cookie", fixed.get(0));
                fixed.subList(1, fixed.size()).forEach(header -> response.addHeader("Set-Cookie", header));
            }
        }
    }

    /** The session cookie's header with SameSite=Lax unless it has a SameSite, and Secure when asked. */
    static String withAttributes(String setCookie, boolean secure) {
        if (!setCookie.startsWith("JSESSIONID=")) {
            return setCookie;
        }
        String lower = setCookie.toLowerCase(Locale.ROOT);
        String result = setCookie;
        if (!lower.contains("samesite=")) {
            result += "; SameSite=Lax";
        }
        if (secure && !lower.matches(".*;\\s*secure\\s*(;.*)?$")) {
            result += "; Secure";
        }
        return result;
    }
}
