package org.arborlab.web.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ARBOR_TRUSTED_PROXIES}: the addresses (or CIDR ranges) of the reverse proxies whose
 * {@code X-Forwarded-*} headers Arbor believes, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1}. Anyone else could send
 * those headers to forge their address or Arbor's links, so they are ignored from everyone else. Only literal
 * addresses: no name is looked up.
 */
public final class TrustedProxies {
    private record Range(byte[] network, int bits) {
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** @throws IllegalArgumentException naming the entry that is not an address or range */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    ranges.add(range(entry));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.network().length == bytes.length && matches(range, bytes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Range range, byte[] address) {
        int bits = range.bits();
        for (int i = 0; bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((range.network()[i] & mask) != (address[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw invalid(entry);
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
            if (bits < 0 || bits > network.length * 8) {
                throw invalid(entry);
            }
        }
        return new Range(network, bits);
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null for anything else (never a name lookup). */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()
                || !(address.matches("[0-9.]+") && address.chars().filter(c -> c == '.').count() == 3
                        || address.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("ARBOR_TRUSTED_PROXIES: \"" + entry
                + "\" is not an IP address or range (e.g. 127.0.0.1, 10.0.0.0/8, ::1)");
    }
}
