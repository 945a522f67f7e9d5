package dev.timbre.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link ThreadedChatStream} for providers that answer one HTTP request with a streamed body (server-sent
 * events): sends the request, turns timeouts, unreachable servers and non-2xx answers into {@link EngineException}s
 * (retryable for timeouts, 408, 429 and 5xx), and hands a 2xx body to {@link #read}. Closing the stream closes the
 * body, which ends a blocked read.
 */
public abstract class HttpChatStream extends ThreadedChatStream {
    private final HttpTransport transport;
    private final HttpRequest request;
    private final byte[] payload;
    private final String server;
    private volatile InputStream body;

    /** @param server how error messages name the server, e.g. {@code "language model at http://…"} */
    protected HttpChatStream(HttpClient http, HttpRequest request, String server, ChatListener listener) {
        this(HttpTransport.of(http), request, null, server, listener);
    }

    /**
     * @param payload the bytes {@code request}'s body publisher sends, for transports other than the JDK client
     * @param server how error messages name the server, e.g. {@code "language model at http://…"}
     */
    protected HttpChatStream(HttpTransport transport, HttpRequest request, byte[] payload, String server, ChatListener listener) {
        super(listener);
        this.transport = transport;
        this.request = request;
        this.payload = payload;
        this.server = server;
    }

    /** Reads a successful answer's body to its end, reporting through the {@code emit…} methods. */
    protected abstract void read(InputStream body) throws Exception;

    @Override
    protected final void onCancel() { ServerSentEvents.closeQuietly(body); }

    @Override
    protected final void run() throws Exception {
        HttpTransport.Answer response;
        try {
            response = transport.send(request, payload);
        } catch (HttpTimeoutException e) {
            throw new EngineException(server + " timed out", e, true);
        } catch (IOException e) {
            if (cancelled()) return;
            throw new EngineException(server + " unreachable: " + e.getMessage(), e, true);
        }
        body = response.body();
        if (cancelled()) { ServerSentEvents.closeQuietly(body); return; }
        int status = response.status();
        if (status / 100 != 2) {
            String text;
            try (InputStream in = body) { text = new String(in.readNBytes(2000), StandardCharsets.UTF_8); }
            throw new EngineException(server + " answered " + status + ": " + text.strip(), null,
                    status >= 500 || status == 408 || status == 429);
        }
        try (InputStream in = body) {
            read(in);
        }
    }
}
