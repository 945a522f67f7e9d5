package dev.timbre.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * How an HTTP engine sends one request: the JDK client by default ({@link #of}); the server supplies another for URLs
 * its users configure (an agent's custom LLM), which checks where it connects. Implementations are thread-safe.
 */
@FunctionalInterface
public interface HttpTransport {
    /** A response with its body unread; the caller closes the body. */
    record Answer(int status, InputStream body) {}

    /**
     * Sends {@code request} and returns once the response headers arrived (within the request's timeout).
     *
     * @param body the bytes {@code request}'s body publisher sends (null for none), for transports that do not use
     *        the JDK client and so cannot read the publisher
     * @throws java.net.http.HttpTimeoutException when no answer came in time
     * @throws IOException when the server could not be reached or refused
     */
    Answer send(HttpRequest request, byte[] body) throws IOException, InterruptedException;

    /** The JDK {@code client} (redirects as it is configured), traced through {@link OutboundTrace} when on. */
    static HttpTransport of(HttpClient client) {
        return (request, body) -> {
            OutboundTrace.Call call = OutboundTrace.start(request);
            try {
                HttpResponse<InputStream> r = client.send(OutboundTrace.withHeaders(request, call), HttpResponse.BodyHandlers.ofInputStream());
                call.finished(r.statusCode(), null);
                return new Answer(r.statusCode(), r.body());
            } catch (IOException | InterruptedException | RuntimeException e) {
                call.finished(-1, e);
                throw e;
            }
        };
    }
}
