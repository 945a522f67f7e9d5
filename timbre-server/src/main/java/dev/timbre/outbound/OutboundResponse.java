package dev.timbre.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * An answer from {@link OutboundHttp#open} with its body unread. The caller owns it and must close it (closing the
 * body or this ends the exchange and frees the connection).
 *
 * @param status the HTTP status of the last hop (never a redirect that was followed)
 * @param headers response headers, names lower-case, the first value of each
 */
public record OutboundResponse(int status, Map<String, String> headers, InputStream body) implements AutoCloseable {
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }
}
