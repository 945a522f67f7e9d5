package dev.timbre.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The only name resolution {@link OutboundHttp}'s connections use: the host is looked up once, the answers are
 * checked against the {@link OutboundPolicy}, and the client connects only to the addresses that passed, so a DNS
 * answer that changes between check and connect (rebinding) cannot reach a refused address. Refusal is a
 * {@link RefusedAddressException}. Thread-safe.
 */
final class PolicyDnsResolver implements DnsResolver {
    private final OutboundPolicy policy;

    PolicyDnsResolver(OutboundPolicy policy) {
        this.policy = policy;
    }

    /** Thrown when no resolved address may be connected to; an {@link UnknownHostException} so clients pass it on. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetAddress> all = Arrays.asList(SystemDefaultDnsResolver.INSTANCE.resolve(host));
        List<InetAddress> permitted = policy.permitted(host, all, port);
        if (permitted.isEmpty()) {
            throw new RefusedAddressException(host + ":" + port + " resolves to " + all + ": not public and not in the outbound allow list");
        }
        return permitted.stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    /**
     * Without a port: HttpClient 5.6's connection operators never call it (they resolve host and port together); refused
     * so that no path can resolve around the policy.
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException("outbound connections resolve host and port together: " + host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
    }
}
