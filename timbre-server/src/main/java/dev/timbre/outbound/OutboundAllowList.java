package dev.timbre.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The operator's exceptions to the public-address rule ({@code TIMBRE_OUTBOUND_ALLOW} or
 * {@code network.outbound_allow}): comma-separated entries, each a host name ({@code ollama.internal}), an IP address
 * ({@code 127.0.0.1}, {@code ::1}), a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), or any of the first two with a
 * port ({@code localhost:11434}, {@code 127.0.0.1:11434}, {@code [::1]:8080}); without a port every port is allowed.
 * A host name entry matches the URL's host as written (whatever it resolves to), an address or range the address
 * connected to. Immutable.
 */
public final class OutboundAllowList {
    private static final OutboundAllowList EMPTY = new OutboundAllowList(List.of());

    /** @param port -1 for any port */
    private record Entry(String host, AddressRange range, int port) {
        boolean matches(String urlHost, InetAddress address, int p) {
            if (port >= 0 && port != p) return false;
            if (host != null) return host.equals(urlHost.toLowerCase(Locale.ROOT));
            byte[] bytes = address.getAddress();
            byte[] v4 = AddressClass.embeddedIpv4(bytes);
            return range.contains(bytes) || v4 != null && range.contains(v4);
        }
    }

    private final List<Entry> entries;

    private OutboundAllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static OutboundAllowList none() {
        return EMPTY;
    }

    /**
     * Parses every string, each a comma-separated list; blank entries are skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not a host, address, range or port
     */
    public static OutboundAllowList parse(Collection<String> lists) {
        List<Entry> entries = new ArrayList<>();
        for (String list : lists) {
            if (list == null) continue;
            for (String raw : list.split(",")) {
                if (!raw.isBlank()) entries.add(entry(raw.strip()));
            }
        }
        return entries.isEmpty() ? EMPTY : new OutboundAllowList(entries);
    }

    public static OutboundAllowList parse(String list) {
        return parse(List.of(list == null ? "" : list));
    }

    private static Entry entry(String s) {
        String hostPart = s;
        int port = -1;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw invalid(s);
            hostPart = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw invalid(s);
                port = port(rest.substring(1), s);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            hostPart = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1), s);
        }
        if (AddressRange.literal(hostPart.contains("/") ? hostPart.substring(0, hostPart.indexOf('/')) : hostPart) != null) {
            try {
                return new Entry(null, AddressRange.parse(hostPart), port);
            } catch (IllegalArgumentException e) {
                throw invalid(s);
            }
        }
        if (!hostPart.matches("[A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?")) throw invalid(s);
        return new Entry(hostPart.toLowerCase(Locale.ROOT), null, port);
    }

    private static int port(String text, String entry) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(entry);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("outbound allow list: '" + entry
                + "' is not a host, host:port, IP address or CIDR range (e.g. 127.0.0.1:11434,10.0.0.0/8)");
    }

    /** True when the operator allows connecting to {@code address} for a URL naming {@code urlHost} and {@code port}. */
    public boolean allows(String urlHost, InetAddress address, int port) {
        for (Entry e : entries) if (e.matches(urlHost, address, port)) return true;
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
