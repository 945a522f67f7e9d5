package dev.timbre.convai.twilio;

import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.sockets.SocketSender;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio's side, mounted at {@code /}: the voice webhook {@code POST /twilio/inbound_call} and the status callback
 * {@code POST /twilio/status-callback} (form-encoded, no API key: Twilio signs them), the Media Streams socket
 * {@code /twilio/media-stream} (no key: its {@code start} must carry a grant from our TwiML, and come within
 * {@link #START_TIMEOUT}), and
 * {@code POST /v1/convai/twilio/outbound-call} (API key, as every {@code /v1} route). The URL a signature covers is
 * rebuilt from {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when a proxy sets them.
 */
public final class TwilioRoutes implements EndpointGroup {
    /** Agent audio waiting in Jetty for a slow stream before the socket is dropped: about 40 s of μ-law as base64 JSON. */
    static final long MAX_QUEUED_CHARS = 512 * 1024;
    /** A socket that has not sent {@code start} by then is closed (1008): sockets cannot be held open for nothing. */
    static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(10);
    private final java.util.concurrent.ScheduledExecutorService timers =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(dev.timbre.common.WorkerPools.daemon("twilio-stream-timers"));
    private final TwilioService service;
    private final TwilioOutboundCalls outbound;
    private final Map<String, MediaStreamSession> sessions = new ConcurrentHashMap<>();

    public TwilioRoutes(TwilioService service, TwilioOutboundCalls outbound) {
        this.service = service;
        this.outbound = outbound;
    }

    @Override
    public void addEndpoints() {
        // mounted at "/": paths here are relative to it
        post("twilio/inbound_call", ctx -> twiml(ctx, service.inboundCall(url(ctx), form(ctx), ctx.header("X-Twilio-Signature"), origin(ctx))));
        post("twilio/status-callback", ctx -> {
            service.statusCallback(url(ctx), form(ctx), ctx.header("X-Twilio-Signature"), ctx.queryParam("conversation_id"));
            twiml(ctx, "<Response/>");
        });
        ws(TwilioService.STREAM_PATH.substring(1), this::stream);
        if (outbound != null) post("v1/convai/twilio/outbound-call", ctx -> ctx.json(outbound.call(JsonBody.read(ctx, JsonNode.class), origin(ctx))));
    }

    private void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(60));
            SocketSender out = SocketSender.bounded(ctx.session, MAX_QUEUED_CHARS, () -> {});
            MediaStreamSession session = new MediaStreamSession(out, service);
            sessions.put(ctx.sessionId(), session);
            timers.schedule(() -> { if (!session.started()) out.close(SocketSender.POLICY, "No start message came."); },
                    START_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        });
        ws.onMessage(ctx -> {
            MediaStreamSession s = sessions.get(ctx.sessionId());
            if (s != null) s.receive(ctx.message());
        });
        ws.onClose(ctx -> ended(ctx.sessionId()));
        ws.onError(ctx -> ended(ctx.sessionId()));
    }

    private void ended(String sessionId) {
        MediaStreamSession s = sessions.remove(sessionId);
        if (s != null) s.closed();
    }

    private static void twiml(Context ctx, String xml) {
        ctx.contentType(TwiML.CONTENT_TYPE).result(xml);
    }

    /** The POST parameters of a form-encoded request; 415 for another body. */
    private static Map<String, List<String>> form(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "invalid_content_type", "Twilio requests are application/x-www-form-urlencoded.");
        }
        return ctx.formParamMap();
    }

    /** The scheme and host the client used: {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when a proxy set them. */
    static String origin(Context ctx) {
        String proto = first(ctx.header("X-Forwarded-Proto"));
        String host = first(ctx.header("X-Forwarded-Host"));
        return (proto != null ? proto : ctx.scheme()) + "://" + (host != null ? host : ctx.host());
    }

    /** The full URL Twilio requested (and signed). */
    static String url(Context ctx) {
        String q = ctx.queryString();
        return origin(ctx) + ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) return null;
        return header.split(",")[0].strip();
    }
}
