package dev.timbre.texttospeech;

import dev.timbre.common.WorkerPools;
import static io.javalin.apibuilder.ApiBuilder.ws;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.access.Caller;
import dev.timbre.access.Permission;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.sockets.SocketSender;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The text-to-speech WebSockets under {@code /v1/text-to-speech/{voice_id}}: {@code stream-input} (one stream of text
 * in, audio out) and {@code multi-stream-input} (several contexts over one socket), as in the AsyncAPI. The query and
 * the voice are checked when the socket opens; a key given with the upgrade was checked by {@link ApiKeyAuth}, and
 * without one the first message must carry it.
 */
public final class TextToSpeechSocketRoutes implements EndpointGroup {
    private final TextToSpeechService service;
    private final ApiKeyAuth auth;
    private final Map<String, StreamInputSocket> sockets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("tts-socket-timers"));

    public TextToSpeechSocketRoutes(TextToSpeechService service, ApiKeyAuth auth) {
        this.service = service;
        this.auth = auth;
    }

    @Override
    public void addEndpoints() {
        ws("{voice_id}/stream-input", ws -> handle(ws, false));
        ws("{voice_id}/multi-stream-input", ws -> handle(ws, true));
    }

    private void handle(WsConfig ws, boolean multi) {
        ws.onConnect(ctx -> open(ctx, multi));
        ws.onMessage(ctx -> {
            StreamInputSocket socket = sockets.get(ctx.sessionId());
            if (socket != null) socket.receive(ctx.message());
        });
        ws.onBinaryMessage(ctx -> StreamInputReplies.fail(new SocketSender(ctx.session),
                ApiException.invalid("Messages must be JSON text frames", "model_type", "message")));
        ws.onClose(this::ended);
        ws.onError(this::ended);
    }

    private void open(WsConnectContext ctx, boolean multi) {
        SocketSender out = new SocketSender(ctx.session);
        try {
            String voiceId = ctx.pathParam("voice_id");
            if (!Ids.isSafe(voiceId)) throw ApiException.notFound("voice_not_found", "A voice with the voice_id was not found.");
            StreamInputOptions options = StreamInputOptions.parse(ctx::queryParam);
            service.prepare(voiceId, options.request("check", null, null)); // an unknown voice or model fails now, not at the first text
            String key = ApiKeyAuth.upgradeKey(ctx.header(ApiKeyAuth.HEADER), ctx.queryParam("xi_api_key"), ctx.queryParam("authorization"));
            Caller caller = key == null ? null : auth.authorize(key, Permission.TEXT_TO_SPEECH);
            sockets.put(ctx.sessionId(), new StreamInputSocket(service, auth, voiceId, options, multi, caller, out, timers));
        } catch (ApiException e) {
            StreamInputReplies.fail(out, e);
        }
    }

    private void ended(WsContext ctx) {
        StreamInputSocket socket = sockets.remove(ctx.sessionId());
        if (socket != null) socket.end();
    }
}
