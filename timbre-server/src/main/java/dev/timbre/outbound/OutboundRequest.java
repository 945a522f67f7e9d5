package dev.timbre.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a user-supplied URL.
 *
 * @param method GET, POST, PUT, PATCH, DELETE…
 * @param uri an http:// or https:// URL (anything else is refused by {@link OutboundHttp})
 * @param headers sent as given; dropped when a redirect leaves the URL's origin
 * @param body the request body; null for none
 * @param contentType the body's type; null for none
 * @param timeout how long {@link OutboundHttp} waits for the answer (all redirect hops together): for
 *        {@link OutboundHttp#fetch} the whole body too, for {@link OutboundHttp#open} the response headers
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
                              Duration timeout) {
    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static OutboundRequest get(URI uri, Duration timeout) {
        return new OutboundRequest("GET", uri, Map.of(), null, null, timeout);
    }

    OutboundRequest redirected(URI to, boolean keepMethod, boolean sameOrigin) {
        return new OutboundRequest(keepMethod ? method : "GET", to, sameOrigin ? headers : Map.of(),
                keepMethod ? body : null, keepMethod ? contentType : null, timeout);
    }
}
