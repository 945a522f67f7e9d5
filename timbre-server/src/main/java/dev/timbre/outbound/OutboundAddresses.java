package dev.timbre.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The policy check for clients that cannot use {@link OutboundHttp}'s resolver (the JDK {@code HttpClient} inside the
 * MCP SDK): the URL's host is resolved and every answer must be permitted. Called right before connecting; a DNS
 * answer that changes between this check and the client's own lookup is not covered (unlike {@link OutboundHttp}).
 * Stateless; blocks on DNS.
 */
public final class OutboundAddresses {
    /** The outcome of {@link #check}. */
    public enum Verdict { PERMITTED, REFUSED, UNRESOLVED }

    private OutboundAddresses() {}

    /** {@code uri} must be absolute http(s) with a host; anything else is {@link Verdict#REFUSED}. */
    public static Verdict check(OutboundPolicy policy, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) return Verdict.REFUSED;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Verdict.UNRESOLVED;
        }
        for (InetAddress a : all) {
            if (!policy.permits(host, a, port)) return Verdict.REFUSED;
        }
        return all.length == 0 ? Verdict.UNRESOLVED : Verdict.PERMITTED;
    }
}
