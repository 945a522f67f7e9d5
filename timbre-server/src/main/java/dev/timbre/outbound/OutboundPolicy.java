package dev.timbre.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which resolved addresses a user-supplied URL may connect to: public addresses ({@link AddressClass}) and
 * whatever the operator's {@link OutboundAllowList} names. Immutable, thread-safe.
 */
public final class OutboundPolicy {
    private final OutboundAllowList allowList;

    public OutboundPolicy(OutboundAllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
    }

    /** No exceptions: public addresses only. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(OutboundAllowList.none());
    }

    /** True when a URL naming {@code urlHost} and {@code port} may connect to {@code address}. */
    public boolean permits(String urlHost, InetAddress address, int port) {
        return AddressClass.isPublic(address) || allowList.allows(urlHost, address, port);
    }

    /** The addresses among {@code resolved} that may be connected to, in their order; empty when none may. */
    List<InetAddress> permitted(String urlHost, List<InetAddress> resolved, int port) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : resolved) if (permits(urlHost, a, port)) out.add(a);
        return out;
    }

    @Override
    public String toString() {
        return "public addresses" + (allowList.isEmpty() ? "" : " + " + allowList);
    }
}
