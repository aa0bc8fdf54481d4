package org.arborlab.web.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicAddressTest {
    private static final TrustedProxies PROXY = TrustedProxies.parse("10.0.0.5, 192.168.0.0/16 ::1");

    private static PublicAddress from(String remote, String proto, String host, String forwardedFor) {
        return PublicAddress.of(new PublicAddress.Arrival("http", "arbor.internal", 8080, remote, proto, host,
                forwardedFor), PROXY, Optional.empty());
    }

    @Test
    void aTrustedProxySuppliesSchemeHostAndClient() {
        PublicAddress address = from("10.0.0.5", "https", "arbor.example.edu", "203.0.113.7");
        assertEquals("https://arbor.example.edu", address.root());
        assertTrue(address.secure());
        assertEquals("203.0.113.7", address.client());
        assertEquals("https://arbor.example.edu:8443", from("::1", "https", "arbor.example.edu:8443", null).root());
    }

    @Test
    void anyoneElsesHeadersAreIgnored() {
        PublicAddress address = from("203.0.113.9", "https", "evil.example", "127.0.0.1");
        assertEquals("http://arbor.internal:8080", address.root());
        assertFalse(address.secure());
        assertEquals("203.0.113.9", address.client());
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNoTrustedProxy() {
        // the client itself may send X-Forwarded-For: only what the trusted proxies appended counts
        assertEquals("198.51.100.4", from("10.0.0.5", null, null, "1.2.3.4, 198.51.100.4, 192.168.3.3").client());
        assertEquals("10.0.0.5", from("10.0.0.5", null, null, "unknown").client());
        assertEquals("192.168.1.1", from("10.0.0.5", null, null, "192.168.1.1").client());
    }

    @Test
    void aConfiguredBaseUrlFixesTheLinks() {
        PublicAddress address = PublicAddress.of(new PublicAddress.Arrival("http", "attacker.example", 80,
                "203.0.113.9", null, null, null), TrustedProxies.NONE,
                Optional.of(PublicAddress.parseBaseUrl("https://arbor.example.edu/")));
        assertEquals("https://arbor.example.edu", address.root());
        assertEquals("203.0.113.9", address.client());
        assertThrows(IllegalArgumentException.class, () -> PublicAddress.parseBaseUrl("arbor.example.edu"));
        assertThrows(IllegalArgumentException.class, () -> PublicAddress.parseBaseUrl("https://h/arbor"));
        assertEquals(URI.create("http://h:8000"), PublicAddress.parseBaseUrl("http://h:8000"));
    }

    @Test
    void badForwardedValuesAreIgnored() {
        assertEquals("http://arbor.internal:8080", from("10.0.0.5", "gopher", "bad host/x", null).root());
    }

    @Test
    void proxyListsAcceptAddressesAndRangesOnly() {
        assertTrue(PROXY.trusts("192.168.200.1"));
        assertFalse(PROXY.trusts("192.169.0.1"));
        assertTrue(PROXY.trusts("0:0:0:0:0:0:0:1"));
        assertFalse(PROXY.trusts("localhost"));
        assertTrue(TrustedProxies.parse("").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("proxy.example.edu"));
        assertTrue(e.getMessage().contains("proxy.example.edu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }

    @Test
    void sessionCookieGetsSameSiteAndSecure() {
        assertEquals("JSESSIONID=a; Path=/; HttpOnly; SameSite=Lax",
                PublicAddressFilter.withAttributes("JSESSIONID=a; Path=/; HttpOnly", false));
        assertEquals("JSESSIONID=a; Path=/; SameSite=Strict; Secure",
                PublicAddressFilter.withAttributes("JSESSIONID=a; Path=/; SameSite=Strict", true));
        assertEquals("JSESSIONID=a; Secure; SameSite=Lax", PublicAddressFilter.withAttributes("JSESSIONID=a; Secure", true));
        assertEquals("other=1", PublicAddressFilter.withAttributes("other=1", true));
    }
}
