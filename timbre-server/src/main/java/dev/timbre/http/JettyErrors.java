package dev.timbre.http;

import dev.timbre.common.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty rejects before any route runs (a path with {@code %00}, a malformed request line or header) get an
 * ElevenLabs error body and a request id too, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(RequestTracking.REQUEST_ID, Ids.random(24));
        String message = reason == null || reason.isBlank() ? "Malformed request" : reason;
        String body = Json.write(Map.of("detail", Map.of("status", "bad_request", "message", message)));
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }
}
