package dev.timbre.outbound;

/**
 * A user-supplied URL could not be fetched. The message is the same whatever went wrong (a refused address, no such
 * host, a refused connection, a timeout, a broken answer, a bad or excess redirect) so that callers cannot
 * probe the network through it; {@link OutboundHttp} logs the detail.
 */
public final class OutboundException extends Exception {
    /** What every caller may show. */
    public static final String MESSAGE = "the URL could not be reached";

    OutboundException() {
        super(MESSAGE, null, false, false);
    }
}
