package dev.timbre.outbound;

import dev.timbre.engine.HttpTransport;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link OutboundHttp} as an engine {@link HttpTransport}: how a language model at a user-configured URL (an agent's
 * {@code custom_llm.url}) is reached. A refused or failed request is an {@link IOException} with the generic
 * {@link OutboundException#MESSAGE}. Thread-safe; the {@link OutboundHttp} is owned by the caller.
 */
public final class OutboundTransport implements HttpTransport {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private final OutboundHttp http;

    public OutboundTransport(OutboundHttp http) {
        this.http = http;
    }

    @Override
    public Answer send(HttpRequest request, byte[] body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = null;
        for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
            if (h.getValue().isEmpty()) continue;
            if (h.getKey().equalsIgnoreCase("content-type")) contentType = h.getValue().get(0);
            else headers.put(h.getKey(), h.getValue().get(0));
        }
        OutboundRequest r = new OutboundRequest(request.method(), request.uri(), headers, body, body == null ? null : contentType,
                request.timeout().orElse(DEFAULT_TIMEOUT));
        try {
            OutboundResponse response = http.open(r);
            return new Answer(response.status(), response.body());
        } catch (OutboundException e) {
            throw new IOException(OutboundException.MESSAGE, e);
        }
    }
}
