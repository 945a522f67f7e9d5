package dev.timbre.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A CIDR range of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. An IPv4 range never contains an
 * IPv6 address and the other way round (callers unwrap IPv4-mapped forms first, see {@link AddressClass}).
 *
 * @param network the range's first address, host bits cleared
 * @param prefix the number of leading bits that must match (0–32 or 0–128)
 */
record AddressRange(byte[] network, int prefix) {
    AddressRange {
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) throw new IllegalArgumentException("prefix out of range: /" + prefix);
        for (int bit = prefix; bit < network.length * 8; bit++) network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }

    /**
     * {@code a.b.c.d/n}, {@code v6::/n} or a single address (a full-length prefix). Only IP literals: never a DNS lookup.
     *
     * @throws IllegalArgumentException when {@code text} is not a literal address with an optional prefix
     */
    static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
        }
        return new AddressRange(bytes, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal ({@code [v6]} accepted); null for anything else, a host name included. */
    static byte[] literal(String s) {
        String a = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return null;
        try {
            return InetAddress.getByName(a).getAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
