package dev.timbre.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses are public. Not public: IPv4 this-network 0/8, private 10/8, 172.16/12, 192.168/16, CGNAT
 * 100.64/10, loopback 127/8, link-local 169.254/16 (cloud metadata 169.254.169.254), IETF 192.0.0/24, benchmarking
 * 198.18/15, multicast 224/4, reserved and broadcast 240/4; IPv6 unspecified and loopback (and the rest of ::/96),
 * discard 100::/64, documentation 2001:db8::/32, unique local fc00::/7, link-local fe80::/10, site-local fec0::/10,
 * multicast ff00::/8. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) are judged by that IPv4 address. Stateless.
 */
final class AddressClass {
    private static final List<AddressRange> NON_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(AddressRange::parse).toList();
    /** ::ffff:0:0/96, built by hand: Java parses an IPv4-mapped literal into a 4-byte IPv4 address. */
    private static final AddressRange MAPPED = new AddressRange(
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private AddressClass() {}

    /** True when {@code address} may be reached without the operator's allow list. */
    static boolean isPublic(InetAddress address) {
        return isPublic(address.getAddress());
    }

    static boolean isPublic(byte[] address) {
        byte[] v4 = embeddedIpv4(address);
        if (v4 != null) return isPublic(v4);
        for (AddressRange r : NON_PUBLIC) if (r.contains(address)) return false;
        return true;
    }

    /**
     * The IPv4 address an IPv6 address stands for (IPv4-mapped, NAT64, 6to4); null for an IPv4 address or any other
     * IPv6 address.
     */
    static byte[] embeddedIpv4(byte[] address) {
        if (address.length != 16) return null;
        if (MAPPED.contains(address) || NAT64.contains(address)) return Arrays.copyOfRange(address, 12, 16);
        if (SIX_TO_FOUR.contains(address)) return Arrays.copyOfRange(address, 2, 6);
        return null;
    }
}
